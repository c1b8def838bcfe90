package dev.pdpkit.emulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.pdpkit.emulator.api.OAuthBackend;
import dev.pdpkit.emulator.internal.http.EmulatorHttpServer;
import dev.pdpkit.emulator.internal.http.HttpHandler;
import dev.pdpkit.emulator.internal.http.HttpLimits;
import dev.pdpkit.emulator.internal.http.HttpResponse;
import dev.pdpkit.emulator.internal.http.JdkExchanges;
import dev.pdpkit.emulator.internal.http.Router;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OAuth 2.0 authorization server that behaves like {@code auth.prisma.io}, for tests and local development.
 *
 * <p>It serves {@code /authorize} (automatic approval or a small consent page), {@code /token} (authorization code
 * with PKCE S256, refresh with single-use rotation and reuse detection that revokes the whole authorization),
 * {@code /revoke} (RFC 7009), {@code /.well-known/oauth-authorization-server} (RFC 8414) and
 * {@code /.well-known/jwks.json}. Access tokens are ES256-signed JWTs carrying {@code sub}, {@code client_id},
 * {@code workspace_id}, {@code scope}, {@code iat} and {@code exp}.
 *
 * <p>Run it alone with {@link #start()}, or {@link #mount(HttpServer, String) mount} it on a server that also
 * serves something else, which then checks bearer tokens with {@link #verifyAccessToken(String)}. Thread-safe.
 * The endpoints live in {@code AuthorizeEndpoint}, {@code TokenEndpoint} and {@code MetadataEndpoints}; the state of
 * codes, grants and refresh tokens in {@code GrantRegistry}.
 *
 * <pre>{@code
 * try (AuthServer auth = AuthServer.builder()
 *         .client(RegisteredClient.publicClient("cli", "http://127.0.0.1/callback"))
 *         .accessTokenLifetime(Duration.ofSeconds(3))
 *         .build()) {
 *     URI issuer = auth.start();
 *     ...
 * }
 * }</pre>
 */
public final class AuthServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuthServer.class);

    /** The scope that grants access to a workspace. */
    public static final String SCOPE_WORKSPACE_ADMIN = "workspace:admin";
    /** The scope that makes the server issue a refresh token. */
    public static final String SCOPE_OFFLINE_ACCESS = "offline_access";

    static final String PATH_AUTHORIZE = "/authorize";
    static final String PATH_TOKEN = "/token";
    static final String PATH_REVOKE = "/revoke";
    static final String PATH_JWKS = "/.well-known/jwks.json";
    static final String PATH_DISCOVERY = "/.well-known/oauth-authorization-server";

    private final Map<String, RegisteredClient> clients;
    private final Map<String, EmulatedUser> users;
    private final Clock clock;
    private final int port;
    private volatile ApprovalMode approvalMode;

    private final OAuthBackend backend;
    private final TokenSigner signer = new TokenSigner();
    private final GrantRegistry registry = new GrantRegistry();
    private final TokenIssuer tokens;
    private final TokenEndpoint tokenEndpoint;
    private final AuthorizeEndpoint authorizeEndpoint;

    private final Object lifecycle = new Object();
    private volatile String issuer; // fixed once mounted
    private volatile String pathPrefix = "";
    private EmulatorHttpServer ownServer; // guarded by lifecycle

    private AuthServer(Builder b) {
        this.clients = Map.copyOf(b.clients);
        if (clients.isEmpty()) {
            throw new IllegalStateException("register at least one client");
        }
        Map<String, EmulatedWorkspace> ws = new LinkedHashMap<>(b.workspaces);
        Map<String, EmulatedUser> us = new LinkedHashMap<>(b.users);
        if (us.isEmpty()) {
            if (ws.isEmpty()) {
                ws.put("wksp_emulator", new EmulatedWorkspace("wksp_emulator", "Emulator workspace"));
            }
            us.put("usr_emulator", new EmulatedUser("usr_emulator", "dev@example.test", List.copyOf(ws.keySet())));
        }
        for (EmulatedUser u : us.values()) {
            for (String w : u.workspaceIds()) {
                ws.putIfAbsent(w, new EmulatedWorkspace(w, w));
            }
        }
        this.users = Map.copyOf(us);
        String signedIn = b.signedInUserId != null ? b.signedInUserId : us.keySet().iterator().next();
        if (!users.containsKey(signedIn)) {
            throw new IllegalStateException("unknown signed-in user " + signedIn);
        }
        this.clock = b.clock;
        this.port = b.port;
        this.approvalMode = b.approvalMode;
        this.tokens = new TokenIssuer(signer, registry, b.accessTokenLifetime, b.refreshTokenLifetime, this::issuer);
        this.tokenEndpoint = new TokenEndpoint(new ClientAuthenticator(clients), registry, tokens, signer, clock);
        ConsentPage consent = new ConsentPage(Map.copyOf(ws), () -> pathPrefix + PATH_AUTHORIZE);
        this.authorizeEndpoint = new AuthorizeEndpoint(clients, users.get(signedIn), consent, registry,
                b.codeLifetime, clock, this::issuer, () -> approvalMode);
        this.backend = new BackendView(this, clients, users, clock.instant());
    }

    /** @return a builder with the real server's defaults: 1 h access tokens, 90 day refresh tokens */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a server of its own on {@code 127.0.0.1} (port 0, or the builder's port) and mounts the endpoints at its
     * root.
     *
     * @return the base URL, which is also the issuer, for example {@code http://127.0.0.1:53124}
     * @throws IOException if the port cannot be bound
     * @throws IllegalStateException if already started or mounted
     */
    public URI start() throws IOException {
        synchronized (lifecycle) {
            if (issuer != null) {
                throw new IllegalStateException("already started or mounted");
            }
            Router router = new Router(request -> MetadataEndpoints.notFound(request.path()));
            EmulatorHttpServer server = EmulatorHttpServer.start(InetAddress.getLoopbackAddress(), port,
                    HttpLimits.DEFAULTS, router, (path, f) -> MetadataEndpoints.failure(f), "emulator-auth");
            String base = "http://127.0.0.1:" + server.port();
            endpoints(base).forEach(router::exact);
            ownServer = server;
            LOG.info("emulated authorization server listening on {}", base);
            return URI.create(base);
        }
    }

    /**
     * Adds the endpoints to an existing JDK server. The server's own lifecycle stays with the caller.
     *
     * @param server the server, started or not
     * @param issuerBaseUrl the externally visible base URL, for example {@code http://127.0.0.1:8080} or
     *     {@code http://127.0.0.1:8080/auth}; its path, if any, prefixes every endpoint
     * @throws IllegalStateException if already started or mounted
     */
    public void mount(HttpServer server, String issuerBaseUrl) {
        Objects.requireNonNull(server, "server");
        endpoints(issuerBaseUrl).forEach((path, handler) -> server.createContext(path,
                JdkExchanges.adapt(handler, (p, f) -> MetadataEndpoints.failure(f))));
    }

    /**
     * Fixes the issuer and returns the endpoints by path, for a host that routes requests itself (the emulator
     * mounts them next to the Management API this way).
     *
     * @param issuerBaseUrl the externally visible base URL; its path, if any, prefixes every endpoint
     * @return the handlers by exact path
     * @throws IllegalStateException if already started or mounted
     */
    public Map<String, HttpHandler> endpoints(String issuerBaseUrl) {
        String base = Objects.requireNonNull(issuerBaseUrl, "issuerBaseUrl");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI parsed = URI.create(base);
        if (!parsed.isAbsolute() || parsed.getQuery() != null || parsed.getFragment() != null) {
            throw new IllegalArgumentException("issuer must be an absolute URL without query or fragment");
        }
        synchronized (lifecycle) {
            if (issuer != null) {
                throw new IllegalStateException("already started or mounted");
            }
            String prefix = parsed.getRawPath() == null ? "" : parsed.getRawPath();
            this.pathPrefix = prefix;
            this.issuer = base;
            MetadataEndpoints meta = new MetadataEndpoints(base, signer);
            Map<String, HttpHandler> out = new LinkedHashMap<>();
            out.put(prefix + PATH_AUTHORIZE, authorizeEndpoint::handle);
            out.put(prefix + PATH_TOKEN, guarded("POST", tokenEndpoint::token));
            out.put(prefix + PATH_REVOKE, guarded("POST", tokenEndpoint::revoke));
            out.put(prefix + PATH_JWKS, guarded("GET", meta::jwks));
            // RFC 8414 section 3: the well-known segment goes before the issuer's path.
            out.put(PATH_DISCOVERY + prefix, guarded("GET", meta::discovery));
            return out;
        }
    }

    @FunctionalInterface
    private interface Endpoint {
        HttpResponse handle(dev.pdpkit.emulator.internal.http.HttpRequest request) throws IOException, OAuthError;
    }

    /** Turns OAuth errors into RFC 6749 error bodies; {@code allow} answers a wrong method. */
    private static HttpHandler guarded(String allow, Endpoint endpoint) {
        return request -> {
            try {
                return endpoint.handle(request);
            } catch (OAuthError e) {
                HttpResponse r = HttpIo.error(e);
                return e.status == 405 ? r.header("Allow", allow) : r;
            }
        };
    }

    /** @return the issuer identifier (the base URL), or null before {@link #start()} or {@link #mount} */
    public String issuer() {
        return issuer;
    }

    /** Stops the server started by {@link #start()}; a mounted instance leaves the host server alone. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (ownServer != null) {
                ownServer.close();
                ownServer = null;
            }
        }
    }

    /** @param mode how {@code /authorize} obtains consent from now on */
    public void approvalMode(ApprovalMode mode) {
        this.approvalMode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * Checks a bearer token the way the API does: signature by this server, issuer, not expired, authorization not
     * revoked and the token itself not revoked.
     *
     * @param bearer the token, with or without the {@code Bearer } prefix
     * @return the grant the token carries, or empty if it must be rejected with 401
     */
    public Optional<AccessGrant> verifyAccessToken(String bearer) {
        if (bearer == null) {
            return Optional.empty();
        }
        String token = bearer.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        JWTClaimsSet claims = signer.verify(token);
        if (claims == null) {
            return Optional.empty();
        }
        try {
            Date exp = claims.getExpirationTime();
            String grantId = claims.getStringClaim("grant_id");
            if (exp == null || grantId == null || claims.getJWTID() == null
                    || !Objects.equals(issuer(), claims.getIssuer())
                    || !clock.instant().isBefore(exp.toInstant())
                    || !registry.isActive(grantId, claims.getJWTID())) {
                return Optional.empty();
            }
            String scope = claims.getStringClaim("scope");
            Set<String> scopes = scope == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
            return Optional.of(new AccessGrant(grantId, claims.getStringClaim("client_id"), claims.getSubject(),
                    claims.getStringClaim("workspace_id"), scopes, exp.toInstant()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The view the emulated Management API uses: token verification and the authorizations it shows and revokes as
     * integrations.
     *
     * @return a live view of this server
     */
    public OAuthBackend backend() {
        return backend;
    }

    /**
     * @param grantId an authorization id
     * @return the authorization, revoked or not, if it exists
     */
    public Optional<GrantInfo> grant(String grantId) {
        List<GrantInfo> found = registry.list(g -> g.grantId().equals(grantId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * @param workspaceId a workspace id
     * @return every authorization given for that workspace, revoked ones included, oldest first
     */
    public List<GrantInfo> grantsForWorkspace(String workspaceId) {
        return registry.list(g -> g.workspaceId().equals(workspaceId));
    }

    /**
     * @param clientId a client id
     * @return every authorization given to that client, revoked ones included, oldest first
     */
    public List<GrantInfo> grantsForClient(String clientId) {
        return registry.list(g -> g.clientId().equals(clientId));
    }

    /**
     * Revokes one authorization: its access tokens stop verifying and its refresh tokens yield {@code invalid_grant}.
     *
     * @param grantId the authorization
     * @return true if it was active
     */
    public boolean revokeGrant(String grantId) {
        return registry.revokeGrant(grantId);
    }

    /**
     * Revokes every active authorization a workspace gave a client (what removing an integration does).
     *
     * @param workspaceId the workspace
     * @param clientId the client
     * @return how many were revoked
     */
    public int revokeGrants(String workspaceId, String clientId) {
        return registry.revokeWhere(g -> g.workspaceId().equals(workspaceId) && g.clientId().equals(clientId));
    }

    /** @return the counters since start or the last {@link #resetCounters()} */
    public AuthCounters counters() {
        TokenEndpoint t = tokenEndpoint;
        return new AuthCounters(t.tokenRequests.get(), t.codeExchanges.get(), t.refreshes.get(),
                registry.reuseDetections.get(), registry.revokedFamilies.get(), t.revocationRequests.get());
    }

    /** Sets every counter back to zero. */
    public void resetCounters() {
        tokenEndpoint.tokenRequests.set(0);
        tokenEndpoint.codeExchanges.set(0);
        tokenEndpoint.refreshes.set(0);
        registry.reuseDetections.set(0);
        registry.revokedFamilies.set(0);
        tokenEndpoint.revocationRequests.set(0);
    }

    /**
     * Creates an authorization without the browser step, for tests of the API that need a token quickly.
     *
     * @param clientId a registered client
     * @param userId a configured user
     * @param workspaceId one of that user's workspaces
     * @param scopes granted scopes; a refresh token is issued when they include {@code offline_access}
     * @return the access token and, if issued, the refresh token
     */
    public IssuedTokens issueTokens(String clientId, String userId, String workspaceId, Set<String> scopes) {
        if (!clients.containsKey(clientId)) {
            throw new IllegalArgumentException("unknown client " + clientId);
        }
        EmulatedUser user = users.get(userId);
        if (user == null || !user.workspaceIds().contains(workspaceId)) {
            throw new IllegalArgumentException("unknown user or workspace");
        }
        Instant now = clock.instant();
        GrantRegistry.Grant grant = registry.createGrant(clientId, userId, workspaceId, scopes, now);
        Map<String, Object> response = tokens.tokenResponse(grant, now);
        return new IssuedTokens((String) response.get("access_token"), (String) response.get("refresh_token"),
                grant.id);
    }

    /**
     * Tokens minted by {@link #issueTokens}. {@link #toString()} hides them.
     *
     * @param accessToken the access token
     * @param refreshToken the refresh token, or null without {@code offline_access}
     * @param grantId the authorization they belong to
     */
    public record IssuedTokens(String accessToken, String refreshToken, String grantId) {
        @Override
        public String toString() {
            return "IssuedTokens[grantId=" + grantId + ", accessToken=***, refreshToken="
                    + (refreshToken == null ? "none" : "***") + "]";
        }
    }

    /** Collects the configuration; not thread-safe. */
    public static final class Builder {
        private final Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        private final Map<String, EmulatedUser> users = new LinkedHashMap<>();
        private final Map<String, EmulatedWorkspace> workspaces = new LinkedHashMap<>();
        private String signedInUserId;
        private Duration accessTokenLifetime = Duration.ofHours(1);
        private Duration refreshTokenLifetime = Duration.ofDays(90);
        private Duration codeLifetime = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private ApprovalMode approvalMode = ApprovalMode.AUTO_APPROVE;
        private int port;

        private Builder() {
        }

        /**
         * @param client an application that may use the server
         * @return this builder
         */
        public Builder client(RegisteredClient client) {
            clients.put(client.clientId(), client);
            return this;
        }

        /**
         * Adds a user. Without any, a user {@code usr_emulator} in workspace {@code wksp_emulator} exists.
         *
         * @param user the user
         * @return this builder
         */
        public Builder user(EmulatedUser user) {
            users.put(user.id(), user);
            return this;
        }

        /**
         * @param workspace a workspace with a display name (workspaces only named by a user get their id as name)
         * @return this builder
         */
        public Builder workspace(EmulatedWorkspace workspace) {
            workspaces.put(workspace.id(), workspace);
            return this;
        }

        /**
         * @param userId the user {@code /authorize} acts for; default the first user added. Automatic approval
         *     picks that user's first workspace.
         * @return this builder
         */
        public Builder signedInUser(String userId) {
            this.signedInUserId = userId;
            return this;
        }

        /**
         * @param lifetime access token lifetime, at least one second (rounded up to whole seconds)
         * @return this builder
         */
        public Builder accessTokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("lifetime must be positive");
            }
            this.accessTokenLifetime = lifetime;
            return this;
        }

        /**
         * @param lifetime lifetime of each refresh token from its issue
         * @return this builder
         */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /**
         * @param lifetime how long an authorization code can be exchanged
         * @return this builder
         */
        public Builder authorizationCodeLifetime(Duration lifetime) {
            this.codeLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /**
         * @param mode automatic approval (default) or the consent page
         * @return this builder
         */
        public Builder approvalMode(ApprovalMode mode) {
            this.approvalMode = Objects.requireNonNull(mode);
            return this;
        }

        /**
         * @param clock the clock for issuing and checking expiry
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * @param port the port {@link AuthServer#start()} binds on 127.0.0.1; 0 (default) picks a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** @return the server, not yet listening */
        public AuthServer build() {
            return new AuthServer(this);
        }
    }

    @Override
    public String toString() {
        return "AuthServer[issuer=" + issuer() + ", clients=" + new ArrayList<>(clients.keySet()) + "]";
    }
}
