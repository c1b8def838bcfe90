package dev.pdpkit.emulator;

import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.api.ConnectionHosts;
import dev.pdpkit.emulator.api.ManagementApi;
import dev.pdpkit.emulator.api.OAuthBackend;
import dev.pdpkit.emulator.api.Paging;
import dev.pdpkit.emulator.api.SpecValidator;
import dev.pdpkit.emulator.api.Store;
import dev.pdpkit.emulator.auth.ApprovalMode;
import dev.pdpkit.emulator.auth.AuthServer;
import dev.pdpkit.emulator.auth.EmulatedUser;
import dev.pdpkit.emulator.auth.RegisteredClient;
import dev.pdpkit.emulator.internal.http.EmulatorHttpServer;
import dev.pdpkit.emulator.internal.http.HttpLimits;
import dev.pdpkit.emulator.internal.http.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-process emulator of the Prisma Data Platform: the Management API ({@code /v1/...}, the 46 operations of
 * {@code openapi/prisma-management-api.yaml}) and the OAuth authorization server, on one loopback port.
 *
 * <pre>{@code
 * try (PrismaEmulator emulator = PrismaEmulator.builder().provisioningDelay(Duration.ofMillis(200)).start()) {
 *     String baseUrl = emulator.baseUrl();              // http://127.0.0.1:54321
 *     String token = emulator.partnerServiceToken();    // a service token of "Partner Workspace"
 *     emulator.faults().nextRequest("POST /v1/projects").respond(503).retryAfter(Duration.ofSeconds(1));
 *     ...
 *     assertThat(emulator.responseViolations()).isEmpty();
 * }
 * }</pre>
 *
 * <p>By default two workspaces are seeded, "Partner Workspace" and "User Workspace", each with a service token.
 * State lives in memory and disappears with {@link #close()}. This class is a facade: requests are served by
 * {@code ApiHttpHandler} (the API half) and {@link AuthServer} (the OAuth half) behind one small HTTP server with
 * head and body timeouts.
 */
public final class PrismaEmulator implements AutoCloseable {
    /** Name of the first default workspace. */
    public static final String PARTNER_WORKSPACE = "Partner Workspace";
    /** Name of the second default workspace. */
    public static final String USER_WORKSPACE = "User Workspace";
    /** A registered public OAuth client (PKCE), redirect {@code http://127.0.0.1/callback} on any port. */
    public static final String PUBLIC_CLIENT_ID = "pdpkit-public-client";
    /** A registered confidential OAuth client; its secret is in {@link #partnerClient()}. */
    public static final String PARTNER_CLIENT_ID = "pdpkit-partner-app";
    /** The client {@link #issueAccessToken(String)} issues tokens to. */
    public static final String TEST_CLIENT_ID = "emulator-test-client";

    private final Builder config;
    private final Store store;
    private final StoreControls controls;
    private final ApiStats stats = new ApiStats();
    private final Faults faults = new Faults();
    private final EmulatorHttpServer server;
    private final String baseUrl;
    private final OAuthSide oauth;
    private final ApiHttpHandler api;
    private final ApiValidation validation;
    private final List<SeededWorkspace> workspaces;
    private volatile boolean closed;

    private PrismaEmulator(Builder b) throws IOException {
        this.config = b;
        if (b.validateRequests || b.validateResponses) {
            SpecValidator.shared(); // starts loading in the background
        }
        this.store = new Store(b.clock, b.provisioningDelay, b.restoreDelay != null ? b.restoreDelay
                : b.provisioningDelay);
        this.controls = new StoreControls(store);
        this.workspaces = controls.seed(b.workspaces.isEmpty()
                ? List.of(WorkspaceSeed.named(PARTNER_WORKSPACE).withPlan("Pro"), WorkspaceSeed.named(USER_WORKSPACE))
                : b.workspaces);
        // The handlers need the base URL, known once the port is bound; nobody knows the port before the router is
        // filled below.
        Router router = new Router(request -> ApiAnswers.notFound(request.path()));
        InetAddress address = InetAddress.getByName(b.host);
        this.server = EmulatorHttpServer.start(address, b.port, b.limits, router, ApiAnswers::failure,
                "prisma-emulator");
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        this.baseUrl = "http://" + host + ":" + server.port();
        this.oauth = b.oauthBackend != null ? new OAuthSide.External(b.oauthBackend, baseUrl)
                : new OAuthSide.Embedded(b.authSettings(), workspaces, baseUrl);
        ManagementApi management = new ManagementApi(store, baseUrl, b.connectionHosts,
                new Paging(b.defaultPageSize, b.maxPageSize), oauth.backend(), stats);
        this.validation = new ApiValidation(b.validateRequests, b.validateResponses, b.acceptUnknownMembers);
        this.api = new ApiHttpHandler(store, management.handlers(), new ApiAuthenticator(store, oauth.backend()),
                stats, faults, validation, b.logRequests);
        router.prefix("/v1", api);
        oauth.mount(router, faults, stats);
    }

    /** @return a builder with the defaults: loopback, free port, two seeded workspaces, validation on */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts an emulator with the defaults.
     *
     * @return the running emulator
     */
    public static PrismaEmulator start() {
        return builder().start();
    }

    // ---- addresses -----------------------------------------------------------------------------------------------

    /** @return the API base URL, e.g. {@code http://127.0.0.1:54321}; paths start with {@code /v1} */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the API base URL as a URI */
    public URI baseUri() {
        return URI.create(baseUrl);
    }

    /**
     * @return the OAuth issuer. The authorization server is mounted on the same server and port as the API, at the
     *     root: {@code /authorize}, {@code /token}, {@code /revoke}, {@code /.well-known/jwks.json} and
     *     {@code /.well-known/oauth-authorization-server}; so the issuer equals {@link #baseUrl()}.
     */
    public String issuerUrl() {
        return oauth.issuerUrl();
    }

    /** @return the port the emulator listens on */
    public int port() {
        return server.port();
    }

    // ---- seeded credentials --------------------------------------------------------------------------------------

    /** @return the seeded workspaces in the order they were configured */
    public List<SeededWorkspace> workspaces() {
        return workspaces;
    }

    /**
     * @param nameOrId the workspace's name or id
     * @return the seeded workspace with this name or id
     */
    public SeededWorkspace workspace(String nameOrId) {
        for (SeededWorkspace w : workspaces) {
            if (w.name().equals(nameOrId) || w.id().equals(nameOrId)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no seeded workspace named " + nameOrId + "; have " + workspaces);
    }

    /** @return the first seeded workspace ("Partner Workspace" by default) */
    public SeededWorkspace partnerWorkspace() {
        return workspaces.get(0);
    }

    /** @return the second seeded workspace ("User Workspace" by default), or the first if only one is seeded */
    public SeededWorkspace userWorkspace() {
        return workspaces.get(Math.min(1, workspaces.size() - 1));
    }

    /** @return the service token of the partner (first) workspace */
    public String partnerServiceToken() {
        return partnerWorkspace().serviceToken();
    }

    /** @return the service token of the user (second) workspace */
    public String userServiceToken() {
        return userWorkspace().serviceToken();
    }

    // ---- test hooks ----------------------------------------------------------------------------------------------

    /** @return the fault-injection script of the API half */
    public Faults faults() {
        return faults;
    }

    /** @return request and event counters */
    public ApiStats stats() {
        return stats;
    }

    /**
     * @return responses that did not conform to the OpenAPI document (each was replaced by a 500), when response
     *     validation is on
     */
    public List<ResponseViolation> responseViolations() {
        return validation.violations();
    }

    /** Forgets the recorded response violations. */
    public void clearResponseViolations() {
        validation.clear();
    }

    /**
     * @return the last API requests, oldest first: at most 1000, and fewer when their bodies are large (the journal
     *     keeps about 8 MiB); bodies over 64 KiB are kept truncated, and requests that failed authentication have
     *     none
     */
    public List<RecordedRequest> requests() {
        return api.journal().list();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        api.journal().clear();
    }

    /**
     * Creates a service token directly (no HTTP), e.g. one that expires soon.
     *
     * @param workspaceId the workspace
     * @param name its display name
     * @param ttl lifetime, or null for a token that never expires (like the service's)
     * @return the token value
     */
    public String createServiceToken(String workspaceId, String name, Duration ttl) {
        return controls.createServiceToken(workspaceId, name, ttl);
    }

    /**
     * Issues an OAuth access token for the workspace without going through {@code /authorize}, as if the signed-in
     * user had approved the client {@code clientId} (a registered client, see {@link Builder#oauthClient}).
     *
     * @param workspaceId the workspace the token sees
     * @param clientId the registered client the token is issued to
     * @return the access token
     */
    public String issueAccessToken(String workspaceId, String clientId) {
        return oauth.issueAccessToken(workspaceId, clientId);
    }

    /**
     * Like {@link #issueAccessToken(String, String)} with the client id {@value #TEST_CLIENT_ID}.
     *
     * @param workspaceId the workspace the token sees
     * @return the access token
     */
    public String issueAccessToken(String workspaceId) {
        return issueAccessToken(workspaceId, TEST_CLIENT_ID);
    }

    /**
     * @return the authorization server, for its finer controls (approval mode, counters, grants), or empty when the
     *     builder replaced it with {@link Builder#oauthBackend(OAuthBackend)}
     */
    public Optional<AuthServer> authServer() {
        return Optional.ofNullable(oauth.server());
    }

    /** @return the user the authorization server signs in, member of every seeded workspace */
    public EmulatedUser oauthUser() {
        if (oauth.user() == null) {
            throw new IllegalStateException("the authorization server was replaced in the builder");
        }
        return oauth.user();
    }

    /** @return the built-in public client ({@value #PUBLIC_CLIENT_ID}) */
    public RegisteredClient publicClient() {
        return config.clients().get(PUBLIC_CLIENT_ID);
    }

    /** @return the built-in confidential client ({@value #PARTNER_CLIENT_ID}) with its secret */
    public RegisteredClient partnerClient() {
        return config.clients().get(PARTNER_CLIENT_ID);
    }

    /**
     * @param databaseId the database's id
     * @return the status a read would report for the database now, if it exists
     */
    public Optional<String> databaseStatus(String databaseId) {
        return controls.databaseStatus(databaseId);
    }

    /**
     * Puts a database into {@code failure} (or back, with {@code false}).
     *
     * @param databaseId the database's id
     * @param failed true to put it into {@code failure}, false to bring it back
     */
    public void failDatabase(String databaseId, boolean failed) {
        controls.failDatabase(databaseId, failed);
    }

    /**
     * Adds a completed backup to a database, dated {@code at} (so restores from older points can be tested).
     *
     * @param databaseId the database's id
     * @param at the backup's point in time
     * @return the backup id
     */
    public String addBackup(String databaseId, Instant at) {
        return controls.addBackup(databaseId, at);
    }

    /**
     * Changes how long new databases stay {@code provisioning}.
     *
     * @param delay how long they stay {@code provisioning}
     */
    public void provisioningDelay(Duration delay) {
        store.provisioningDelay(Objects.requireNonNull(delay));
    }

    /**
     * Changes how long restored databases stay {@code recovering}.
     *
     * @param delay how long they stay {@code recovering}
     */
    public void restoreDelay(Duration delay) {
        store.restoreDelay(Objects.requireNonNull(delay));
    }

    /** @return how many projects exist, in every workspace */
    public int projectCount() {
        return controls.projectCount();
    }

    /**
     * @param workspaceId the workspace's id
     * @return ids of the projects of a workspace, oldest first
     */
    public List<String> projectIds(String workspaceId) {
        return controls.projectIds(workspaceId);
    }

    /**
     * @param projectId the project's id
     * @return the workspace a project is in now, if it exists
     */
    public Optional<String> projectWorkspace(String projectId) {
        return controls.projectWorkspace(projectId);
    }

    /** @return the OAuth backend the API half uses (the authorization server, unless replaced in the builder) */
    public OAuthBackend oauthBackend() {
        return oauth.backend();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /** Stops the server at once; open connections are closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
    }

    @Override
    public String toString() {
        return "PrismaEmulator[" + baseUrl + ", workspaces=" + workspaces + "]";
    }

    // ---- builder -------------------------------------------------------------------------------------------------

    /** Configuration of an emulator; {@link #start()} starts one. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Duration provisioningDelay = Duration.ZERO;
        private Duration restoreDelay;
        private boolean validateRequests = true;
        private boolean validateResponses = true;
        private boolean acceptUnknownMembers = true;
        private boolean logRequests;
        private HttpLimits limits = HttpLimits.DEFAULTS;
        private final List<WorkspaceSeed> workspaces = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int defaultPageSize = 100;
        private int maxPageSize = 1000;
        private ConnectionHosts connectionHosts = ConnectionHosts.prismaDefaults();
        private OAuthBackend oauthBackend;
        private final Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        private ApprovalMode approvalMode = ApprovalMode.AUTO_APPROVE;
        private Duration accessTokenLifetime;
        private Duration refreshTokenLifetime;
        private String userId = "usr_emulated";
        private String userEmail = "user@example.test";
        private final RegisteredClient publicClient = RegisteredClient.publicClient(PUBLIC_CLIENT_ID,
                "http://127.0.0.1/callback", "http://localhost/callback");
        private final RegisteredClient partnerClient = new RegisteredClient(PARTNER_CLIENT_ID,
                "pcs_" + dev.pdpkit.emulator.api.Ids.secret(32),
                List.of("http://127.0.0.1/callback", "http://localhost/callback"), "Partner App");
        private final RegisteredClient testClient = RegisteredClient.publicClient(TEST_CLIENT_ID,
                "http://127.0.0.1/callback");

        private Builder() {
        }

        Map<String, RegisteredClient> clients() {
            Map<String, RegisteredClient> all = new LinkedHashMap<>();
            all.put(publicClient.clientId(), publicClient);
            all.put(partnerClient.clientId(), partnerClient);
            all.put(testClient.clientId(), testClient);
            all.putAll(clients);
            return all;
        }

        /**
         * Registers an OAuth application with the authorization server, in addition to the three built-in ones
         * ({@value PrismaEmulator#PUBLIC_CLIENT_ID}, {@value PrismaEmulator#PARTNER_CLIENT_ID},
         * {@value PrismaEmulator#TEST_CLIENT_ID}).
         *
         * @param client the application to register
         * @return this builder
         */
        public Builder oauthClient(RegisteredClient client) {
            clients.put(client.clientId(), Objects.requireNonNull(client, "client"));
            return this;
        }

        /**
         * How {@code /authorize} decides: automatic approval (default) or a consent page.
         *
         * @param mode the approval mode
         * @return this builder
         */
        public Builder approvalMode(ApprovalMode mode) {
            this.approvalMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Lifetime of OAuth access tokens; default one hour, as on the real server.
         *
         * @param lifetime how long an access token is accepted
         * @return this builder
         */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * Lifetime of OAuth refresh tokens; default 90 days.
         *
         * @param lifetime how long a refresh token is accepted
         * @return this builder
         */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * The signed-in user of the authorization server (member of every seeded workspace).
         *
         * @param id the user's id; it becomes the {@code sub} claim
         * @param email the user's e-mail address
         * @return this builder
         */
        public Builder user(String id, String email) {
            this.userId = Objects.requireNonNull(id, "id");
            this.userEmail = Objects.requireNonNull(email, "email");
            return this;
        }

        /**
         * Interface to listen on; default {@code 127.0.0.1}.
         *
         * @param host the interface's address or name
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Port; default 0, a free port.
         *
         * @param port the port, or 0 for a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * How long a new database reports {@code provisioning} before {@code ready}. Default zero: the create answer
         * says {@code provisioning} and the next read says {@code ready}.
         *
         * @param delay how long a new database stays {@code provisioning}
         * @return this builder
         */
        public Builder provisioningDelay(Duration delay) {
            this.provisioningDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * How long a restored database reports {@code recovering}; default: the provisioning delay.
         *
         * @param delay how long a restored database stays {@code recovering}
         * @return this builder
         */
        public Builder restoreDelay(Duration delay) {
            this.restoreDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Whether requests are checked against the OpenAPI document (invalid: 400, or 422 where declared).
         *
         * @param on whether requests are validated
         * @return this builder
         */
        public Builder validateRequests(boolean on) {
            this.validateRequests = on;
            return this;
        }

        /**
         * Whether every response is checked against the OpenAPI document before it is sent; one that does not
         * conform is replaced by a 500 and recorded in {@link PrismaEmulator#responseViolations()}. Default on.
         *
         * @param on whether responses are validated
         * @return this builder
         */
        public Builder validateResponses(boolean on) {
            this.validateResponses = on;
            return this;
        }

        /**
         * Seeds a workspace (with a service token). The first call replaces the two default workspaces; the
         * first workspace is the "partner", the second the "user" one.
         *
         * @param seed how to seed the workspace
         * @return this builder
         */
        public Builder workspace(WorkspaceSeed seed) {
            workspaces.add(Objects.requireNonNull(seed, "seed"));
            return this;
        }

        /**
         * Seeds a workspace with this name and a random service token.
         *
         * @param name the workspace's display name
         * @return this builder
         */
        public Builder workspace(String name) {
            return workspace(WorkspaceSeed.named(name));
        }

        /**
         * Time source for timestamps, provisioning and expiry.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Page size when a list request has no {@code limit}; default 100.
         *
         * @param size the default page size
         * @return this builder
         */
        public Builder defaultPageSize(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("size " + size);
            }
            this.defaultPageSize = size;
            return this;
        }

        /**
         * Largest page size; larger {@code limit}s are capped. Default 1000.
         *
         * @param size the largest page size
         * @return this builder
         */
        public Builder maxPageSize(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("size " + size);
            }
            this.maxPageSize = size;
            return this;
        }

        /**
         * Hosts that generated connection strings point at.
         *
         * @param hosts the hosts
         * @return this builder
         */
        public Builder connectionHosts(ConnectionHosts hosts) {
            this.connectionHosts = Objects.requireNonNull(hosts, "hosts");
            return this;
        }

        /**
         * Replaces the built-in authorization server by another token verifier and integration source.
         *
         * @param backend the token verifier and integration source
         * @return this builder
         */
        public Builder oauthBackend(OAuthBackend backend) {
            this.oauthBackend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Whether body members and query parameters the OpenAPI document does not know are accepted (and ignored),
         * as a forward-compatible service does; default on. Off, they are rejected like any schema violation.
         *
         * @param on whether unknown members are accepted
         * @return this builder
         */
        public Builder acceptUnknownMembers(boolean on) {
            this.acceptUnknownMembers = on;
            return this;
        }

        /**
         * How long a client may take to send a request head, and a body once the emulator reads it; a slower one
         * gets 408 and its connection closed. Defaults 10 s and 30 s.
         *
         * @param head the time allowed for a request head
         * @param body the time allowed for a request body
         * @return this builder
         * @throws IllegalArgumentException if a timeout is not positive
         */
        public Builder requestTimeouts(Duration head, Duration body) {
            if (head.isNegative() || head.isZero() || body.isNegative() || body.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            this.limits = limits.withTimeouts(head, body);
            return this;
        }

        /**
         * Whether every API request is logged at INFO (logger {@code dev.pdpkit.emulator.requests}); default off.
         *
         * @param on whether requests are logged
         * @return this builder
         */
        public Builder logRequests(boolean on) {
            this.logRequests = on;
            return this;
        }

        OAuthSide.AuthSettings authSettings() {
            return new OAuthSide.AuthSettings(clock, approvalMode, accessTokenLifetime, refreshTokenLifetime, userId,
                    userEmail, clients().values());
        }

        /**
         * Starts the emulator.
         *
         * @return the running emulator
         */
        public PrismaEmulator start() {
            try {
                return new PrismaEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Prisma emulator on " + host + ":" + port, e);
            }
        }
    }
}
