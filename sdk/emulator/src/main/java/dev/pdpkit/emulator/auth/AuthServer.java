package dev.pdpkit.emulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.pdpkit.emulator.api.OAuthBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Run it alone with {@link #start()}, or {@link #mount(HttpServer, String) mount} it on the server that also
 * serves the emulated API, which then checks bearer tokens with {@link #verifyAccessToken(String)}. Thread-safe.
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
    private static final Set<String> KNOWN_SCOPES = Set.of(SCOPE_WORKSPACE_ADMIN, SCOPE_OFFLINE_ACCESS);

    static final String PATH_AUTHORIZE = "/authorize";
    static final String PATH_TOKEN = "/token";
    static final String PATH_REVOKE = "/revoke";
    static final String PATH_JWKS = "/.well-known/jwks.json";
    static final String PATH_DISCOVERY = "/.well-known/oauth-authorization-server";

    private final Map<String, RegisteredClient> clients;
    private final Map<String, EmulatedUser> users;
    private final Map<String, EmulatedWorkspace> workspaces;
    private final String signedInUserId;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;
    private final Duration codeLifetime;
    private final Clock clock;
    private final int port;
    private volatile ApprovalMode approvalMode;

    private final OAuthBackend backend;
    private final TokenSigner signer = new TokenSigner();
    private final GrantRegistry registry = new GrantRegistry();
    private final Map<String, PendingConsent> pendingConsents = new ConcurrentHashMap<>();

    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong codeExchanges = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong revocationRequests = new AtomicLong();

    private final Object lifecycle = new Object();
    private String issuer; // guarded by lifecycle; fixed once mounted
    private String pathPrefix = "";
    private HttpServer ownServer;
    private ExecutorService ownExecutor;

    private record PendingConsent(RegisteredClient client, String redirectUri, String state, String codeChallenge,
                                  Set<String> scopes, Instant expiresAt) {
    }

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
        this.workspaces = Map.copyOf(ws);
        this.users = Map.copyOf(us);
        this.signedInUserId = b.signedInUserId != null ? b.signedInUserId : us.keySet().iterator().next();
        if (!users.containsKey(signedInUserId)) {
            throw new IllegalStateException("unknown signed-in user " + signedInUserId);
        }
        this.accessTokenLifetime = b.accessTokenLifetime;
        this.refreshTokenLifetime = b.refreshTokenLifetime;
        this.codeLifetime = b.codeLifetime;
        this.clock = b.clock;
        this.port = b.port;
        this.approvalMode = b.approvalMode;
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
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "emulator-auth-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            mount(server, base);
            server.start();
            ownServer = server;
            ownExecutor = executor;
            LOG.info("emulated authorization server listening on {}", base);
            return URI.create(base);
        }
    }

    /**
     * Adds the endpoints to an existing server. The server's own lifecycle stays with the caller.
     *
     * @param server the server, started or not
     * @param issuerBaseUrl the externally visible base URL, for example {@code http://127.0.0.1:8080} or
     *     {@code http://127.0.0.1:8080/auth}; its path, if any, prefixes every endpoint
     * @throws IllegalStateException if already started or mounted
     */
    public void mount(HttpServer server, String issuerBaseUrl) {
        Objects.requireNonNull(server, "server");
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
            server.createContext(prefix + PATH_AUTHORIZE, guarded(this::handleAuthorize));
            server.createContext(prefix + PATH_TOKEN, guarded(this::handleToken));
            server.createContext(prefix + PATH_REVOKE, guarded(this::handleRevoke));
            server.createContext(prefix + PATH_JWKS, guarded(this::handleJwks));
            // RFC 8414 section 3: the well-known segment goes before the issuer's path.
            server.createContext(PATH_DISCOVERY + prefix, guarded(this::handleDiscovery));
            this.pathPrefix = prefix;
            this.issuer = base;
        }
    }

    /** @return the issuer identifier (the base URL), or null before {@link #start()} or {@link #mount} */
    public String issuer() {
        synchronized (lifecycle) {
            return issuer;
        }
    }

    /** Stops the server started by {@link #start()}; a mounted instance leaves the host server alone. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (ownServer != null) {
                ownServer.stop(0);
                ownExecutor.shutdownNow();
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
        return new AuthCounters(tokenRequests.get(), codeExchanges.get(), refreshes.get(),
                registry.reuseDetections.get(), registry.revokedFamilies.get(), revocationRequests.get());
    }

    /** Sets every counter back to zero. */
    public void resetCounters() {
        tokenRequests.set(0);
        codeExchanges.set(0);
        refreshes.set(0);
        registry.reuseDetections.set(0);
        registry.revokedFamilies.set(0);
        revocationRequests.set(0);
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
        Map<String, Object> response = tokenResponse(grant, now);
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

    // ---------------------------------------------------------------------------------------------- endpoints

    @FunctionalInterface
    private interface Endpoint {
        void handle(HttpExchange exchange) throws IOException, OAuthError;
    }

    private HttpHandler guarded(Endpoint endpoint) {
        return exchange -> {
            try {
                endpoint.handle(exchange);
            } catch (OAuthError e) {
                HttpIo.sendError(exchange, e);
            } catch (RuntimeException e) {
                LOG.error("emulated authorization server failed on {}", exchange.getRequestURI().getPath(), e);
                HttpIo.sendError(exchange, new OAuthError("server_error", "internal error", 500));
            } finally {
                exchange.close();
            }
        };
    }

    private String endpoint(String path) {
        return issuer() + path;
    }

    private void handleDiscovery(HttpExchange exchange) throws IOException, OAuthError {
        requireMethod(exchange, "GET");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("issuer", issuer());
        meta.put("authorization_endpoint", endpoint(PATH_AUTHORIZE));
        meta.put("token_endpoint", endpoint(PATH_TOKEN));
        meta.put("revocation_endpoint", endpoint(PATH_REVOKE));
        meta.put("jwks_uri", endpoint(PATH_JWKS));
        meta.put("scopes_supported", List.of(SCOPE_WORKSPACE_ADMIN, SCOPE_OFFLINE_ACCESS));
        meta.put("response_types_supported", List.of("code"));
        meta.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        meta.put("code_challenge_methods_supported", List.of("S256"));
        meta.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        meta.put("revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        meta.put("authorization_response_iss_parameter_supported", true);
        HttpIo.sendJson(exchange, 200, meta);
    }

    private void handleJwks(HttpExchange exchange) throws IOException, OAuthError {
        requireMethod(exchange, "GET");
        HttpIo.sendJson(exchange, 200, signer.publicJwks());
    }

    private static void requireMethod(HttpExchange exchange, String method) throws OAuthError {
        if (!exchange.getRequestMethod().equalsIgnoreCase(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new OAuthError("invalid_request", "method not allowed", 405);
        }
    }

    // ---- /authorize

    private void handleAuthorize(HttpExchange exchange) throws IOException {
        try {
            if ("GET".equalsIgnoreCase(exchange.getRequestMethod())) {
                authorizeRequest(exchange, HttpIo.parseForm(exchange.getRequestURI().getRawQuery()));
            } else if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                consentDecision(exchange, HttpIo.parseForm(HttpIo.readBody(exchange)));
            } else {
                HttpIo.sendHtml(exchange, 405, page("Method not allowed", "<p>Use GET.</p>"));
            }
        } catch (OAuthError e) {
            // Errors before the redirect URI is validated must never redirect (RFC 6749 section 4.1.2.1).
            HttpIo.sendHtml(exchange, 400, page("Invalid request", "<p>" + HttpIo.escapeHtml(e.getMessage())
                    + "</p>"));
        }
    }

    private void authorizeRequest(HttpExchange exchange, Map<String, String> q) throws IOException, OAuthError {
        RegisteredClient client = clients.get(q.get("client_id"));
        if (client == null) {
            throw OAuthError.invalidRequest("unknown client_id");
        }
        String redirectUri = q.get("redirect_uri");
        if (redirectUri == null || !RedirectUris.allowed(client.redirectUris(), redirectUri)) {
            throw OAuthError.invalidRequest("redirect_uri is missing or not registered for this client");
        }
        String state = q.get("state");
        // From here on errors go back to the client through the redirect URI.
        if (!"code".equals(q.get("response_type"))) {
            redirectError(exchange, redirectUri, state, "unsupported_response_type", "response_type must be code");
            return;
        }
        String challenge = q.get("code_challenge");
        String method = q.get("code_challenge_method");
        if (challenge != null) {
            if (!"S256".equals(method)) {
                redirectError(exchange, redirectUri, state, "invalid_request", "code_challenge_method must be S256");
                return;
            }
            if (!Pkce.validChallenge(challenge)) {
                redirectError(exchange, redirectUri, state, "invalid_request", "malformed code_challenge");
                return;
            }
        } else if (method != null) {
            redirectError(exchange, redirectUri, state, "invalid_request", "code_challenge_method without challenge");
            return;
        } else if (!client.confidential()) {
            redirectError(exchange, redirectUri, state, "invalid_request", "PKCE is required for public clients");
            return;
        }
        Set<String> scopes = parseScopes(q.get("scope"));
        if (scopes == null) {
            redirectError(exchange, redirectUri, state, "invalid_scope", "unknown scope");
            return;
        }
        EmulatedUser user = users.get(signedInUserId);
        if (approvalMode == ApprovalMode.AUTO_APPROVE) {
            redirectWithCode(exchange, client, redirectUri, state, challenge, scopes, user,
                    user.workspaceIds().get(0));
            return;
        }
        String requestId = GrantRegistry.randomToken(18);
        Instant now = clock.instant();
        pendingConsents.values().removeIf(p -> !now.isBefore(p.expiresAt())); // abandoned pages
        pendingConsents.put(requestId, new PendingConsent(client, redirectUri, state, challenge, scopes,
                clock.instant().plus(Duration.ofMinutes(10))));
        HttpIo.sendHtml(exchange, 200, consentPage(requestId, client, user, scopes));
    }

    private void consentDecision(HttpExchange exchange, Map<String, String> form) throws IOException, OAuthError {
        String requestId = form.get("request");
        PendingConsent pending = requestId == null ? null : pendingConsents.remove(requestId);
        if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
            throw OAuthError.invalidRequest("this authorization request is unknown or has expired; start again");
        }
        if (!"approve".equals(form.get("decision"))) {
            redirectError(exchange, pending.redirectUri(), pending.state(), "access_denied",
                    "the user denied the request");
            return;
        }
        EmulatedUser user = users.get(signedInUserId);
        String workspaceId = form.get("workspace");
        if (workspaceId == null || !user.workspaceIds().contains(workspaceId)) {
            throw OAuthError.invalidRequest("pick one of your workspaces");
        }
        redirectWithCode(exchange, pending.client(), pending.redirectUri(), pending.state(), pending.codeChallenge(),
                pending.scopes(), user, workspaceId);
    }

    private void redirectWithCode(HttpExchange exchange, RegisteredClient client, String redirectUri, String state,
                                  String challenge, Set<String> scopes, EmulatedUser user, String workspaceId)
            throws IOException {
        String code = registry.issueCode(new GrantRegistry.CodeRecord(client.clientId(), redirectUri, challenge,
                user.id(), workspaceId, scopes, clock.instant().plus(codeLifetime)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", state);
        params.put("iss", issuer());
        HttpIo.redirect(exchange, HttpIo.withQuery(redirectUri, params));
    }

    private void redirectError(HttpExchange exchange, String redirectUri, String state, String error,
                               String description) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        params.put("iss", issuer());
        HttpIo.redirect(exchange, HttpIo.withQuery(redirectUri, params));
    }

    /** @return the requested scopes, {@code workspace:admin} when none, or null if one is unknown */
    private static Set<String> parseScopes(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        if (scopes.isEmpty()) {
            scopes.add(SCOPE_WORKSPACE_ADMIN);
        }
        return KNOWN_SCOPES.containsAll(scopes) ? scopes : null;
    }

    private String consentPage(String requestId, RegisteredClient client, EmulatedUser user, Set<String> scopes) {
        StringBuilder body = new StringBuilder();
        body.append("<p><strong>").append(HttpIo.escapeHtml(client.name()))
                .append("</strong> asks for access to one of your workspaces.</p>")
                .append("<p>Signed in as ").append(HttpIo.escapeHtml(user.email())).append("</p>")
                .append("<p>Scopes: ").append(HttpIo.escapeHtml(String.join(" ", scopes))).append("</p>")
                .append("<form method=\"post\" action=\"").append(HttpIo.escapeHtml(pathPrefix + PATH_AUTHORIZE))
                .append("\">")
                .append("<input type=\"hidden\" name=\"request\" value=\"").append(requestId).append("\">")
                .append("<fieldset><legend>Workspace</legend>");
        boolean first = true;
        for (String id : user.workspaceIds()) {
            EmulatedWorkspace ws = workspaces.get(id);
            body.append("<label><input type=\"radio\" name=\"workspace\" value=\"").append(HttpIo.escapeHtml(id))
                    .append('"').append(first ? " checked" : "").append("> ")
                    .append(HttpIo.escapeHtml(ws.name())).append("</label><br>");
            first = false;
        }
        body.append("</fieldset>")
                .append("<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>")
                .append("</form>");
        return page("Authorize " + client.name(), body.toString());
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + HttpIo.escapeHtml(title)
                + "</title></head><body><h1>" + HttpIo.escapeHtml(title) + "</h1>" + body
                + "<p><small>pdpkit emulator</small></p></body></html>";
    }

    // ---- /token

    private void handleToken(HttpExchange exchange) throws IOException, OAuthError {
        tokenRequests.incrementAndGet();
        requireMethod(exchange, "POST");
        Map<String, String> form = HttpIo.parseForm(HttpIo.readBody(exchange));
        RegisteredClient client = authenticateClient(exchange, form);
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            codeExchanges.incrementAndGet();
            String code = required(form, "code");
            String redirectUri = required(form, "redirect_uri");
            Instant now = clock.instant();
            GrantRegistry.Grant grant = registry.redeemCode(code, client.clientId(), redirectUri,
                    form.get("code_verifier"), now);
            HttpIo.sendJson(exchange, 200, tokenResponse(grant, now));
        } else if ("refresh_token".equals(grantType)) {
            refreshes.incrementAndGet();
            String refreshToken = required(form, "refresh_token");
            Instant now = clock.instant();
            GrantRegistry.Grant grant = registry.rotate(refreshToken, client.clientId(), now);
            String scope = form.get("scope");
            if (scope != null) {
                Set<String> asked = parseScopes(scope);
                if (asked == null || !grant.scopes.containsAll(asked)) {
                    throw new OAuthError("invalid_scope", "a refresh cannot widen the granted scope");
                }
            }
            HttpIo.sendJson(exchange, 200, tokenResponse(grant, now));
        } else if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required");
        } else {
            throw new OAuthError("unsupported_grant_type", "unsupported grant_type");
        }
    }

    private Map<String, Object> tokenResponse(GrantRegistry.Grant grant, Instant now) {
        // Rounded up so the server never expires a token before the client expects, given expires_in.
        long lifetimeSeconds = Math.max(1, (accessTokenLifetime.toMillis() + 999) / 1000);
        Instant expiresAt = Instant.ofEpochSecond(now.getEpochSecond() + lifetimeSeconds + (now.getNano() > 0 ? 1 : 0));
        String scope = String.join(" ", grant.scopes);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(grant.userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(GrantRegistry.randomToken(12))
                .claim("client_id", grant.clientId)
                .claim("workspace_id", grant.workspaceId)
                .claim("scope", scope)
                .claim("grant_id", grant.id)
                .build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", signer.sign(claims));
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetimeSeconds);
        body.put("scope", scope);
        if (grant.scopes.contains(SCOPE_OFFLINE_ACCESS)) {
            body.put("refresh_token", registry.newRefreshToken(grant, now.plus(refreshTokenLifetime)));
        }
        return body;
    }

    private static String required(Map<String, String> form, String name) throws OAuthError {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }

    /**
     * Client authentication of RFC 6749 section 2.3: HTTP Basic or form parameters, never both; a public client
     * only names itself with {@code client_id}.
     */
    private RegisteredClient authenticateClient(HttpExchange exchange, Map<String, String> form) throws OAuthError {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic) {
            if (secret != null) {
                throw OAuthError.invalidRequest("use one client authentication method, not two");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw basicFailure(exchange);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw basicFailure(exchange);
            }
            String basicId;
            try {
                basicId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw basicFailure(exchange);
            }
            if (id != null && !id.equals(basicId)) {
                throw OAuthError.invalidRequest("client_id does not match the Authorization header");
            }
            id = basicId;
        }
        if (id == null) {
            throw OAuthError.invalidClient("client authentication required");
        }
        RegisteredClient client = clients.get(id);
        if (client == null) {
            throw basic ? basicFailure(exchange) : OAuthError.invalidClient("unknown client");
        }
        if (client.confidential()) {
            if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                    client.clientSecret().getBytes(StandardCharsets.UTF_8))) {
                throw basic ? basicFailure(exchange) : OAuthError.invalidClient("client authentication failed");
            }
        } else if (secret != null) {
            throw OAuthError.invalidClient("public client must not send a secret");
        }
        return client;
    }

    private static OAuthError basicFailure(HttpExchange exchange) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"token\"");
        return OAuthError.invalidClient("client authentication failed");
    }

    // ---- /revoke

    private void handleRevoke(HttpExchange exchange) throws IOException, OAuthError {
        revocationRequests.incrementAndGet();
        requireMethod(exchange, "POST");
        Map<String, String> form = HttpIo.parseForm(HttpIo.readBody(exchange));
        RegisteredClient client = authenticateClient(exchange, form);
        String token = required(form, "token");
        String hint = form.get("token_type_hint");
        GrantRegistry.RevokeOutcome outcome = GrantRegistry.RevokeOutcome.UNKNOWN;
        if (!"access_token".equals(hint)) {
            outcome = registry.revokeRefreshToken(token, client.clientId());
        }
        if (outcome == GrantRegistry.RevokeOutcome.UNKNOWN) {
            JWTClaimsSet claims = signer.verify(token);
            if (claims != null) {
                try {
                    String grantId = claims.getStringClaim("grant_id");
                    if (grantId != null && claims.getJWTID() != null) {
                        outcome = registry.revokeAccessToken(grantId, claims.getJWTID(), client.clientId());
                    }
                } catch (ParseException e) {
                    outcome = GrantRegistry.RevokeOutcome.UNKNOWN;
                }
            }
        }
        if (outcome == GrantRegistry.RevokeOutcome.OTHER_CLIENT) {
            throw new OAuthError("unauthorized_client", "the token was issued to another client");
        }
        // RFC 7009 section 2.2: unknown tokens are answered with 200 as well.
        HttpIo.sendEmpty(exchange, 200);
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
