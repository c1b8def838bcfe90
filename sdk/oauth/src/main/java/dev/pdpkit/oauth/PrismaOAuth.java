package dev.pdpkit.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.pdpkit.oauth.internal.AuthServerClient;
import dev.pdpkit.oauth.internal.Jwts;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 for the Prisma Management API: sign a user in, keep their tokens in a {@link TokenStore}, and hand the
 * API client {@link #credentials() credentials} that refresh themselves. Built on the Nimbus OAuth SDK; every
 * request goes through the application's OkHttp client.
 *
 * <pre>{@code
 * PrismaOAuth oauth = PrismaOAuth.builder()
 *     .clientId("my-client-id")
 *     .redirectUri("https://my-app.example/auth/callback")
 *     .tokenStore(new FileTokenStore(Path.of(System.getProperty("user.home"), ".my-app", "tokens.json")))
 *     .build();
 *
 * // Web application: two requests, no server-side state kept by the SDK.
 * PendingLogin pending = oauth.startLogin();                 // keep in the session, redirect to authorizationUrl()
 * oauth.completeLogin(callbackUrl, pending);                 // on the callback request
 *
 * // CLI: one call that opens the browser and listens on 127.0.0.1.
 * oauth.loginWithLoopback();
 *
 * PrismaManagement client = PrismaManagement.builder().credentials(oauth.credentials()).build();
 * }</pre>
 *
 * <p>Refresh is safe when many threads and several processes share the store: one token request per expiry, the new
 * pair saved before it is used, and only an {@code invalid_grant} answer logs the user out (see
 * {@link OAuthCredentials}). Thread-safe.
 */
public final class PrismaOAuth {
    private static final Logger LOG = LoggerFactory.getLogger(PrismaOAuth.class);

    /** The issuer of Prisma's authorization server. */
    public static final String DEFAULT_ISSUER = "https://auth.prisma.io";
    /** Full access to the workspace the user picks. */
    public static final String SCOPE_WORKSPACE_ADMIN = "workspace:admin";
    /** Makes the server issue a refresh token, for sessions that outlive the one-hour access token. */
    public static final String SCOPE_OFFLINE_ACCESS = "offline_access";

    // Parameters the SDK sets itself; extra parameters must not override them (the official SDK lets them).
    private static final Set<String> RESERVED_PARAMS = Set.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "code_challenge", "code_challenge_method");

    private final AuthServerClient server;
    private final String clientId;
    private final boolean pkce;
    private final URI redirectUri;
    private final List<String> defaultScopes;
    private final TokenStore store;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Duration pendingLoginMaxAge;
    private final List<TokenListener> listeners;
    private final SecureRandom random = new SecureRandom();
    private final OAuthCredentials credentials;

    private PrismaOAuth(Builder b) {
        this.clientId = b.clientId;
        this.pkce = b.pkce;
        this.redirectUri = b.redirectUri;
        this.defaultScopes = List.copyOf(b.scopes);
        this.store = b.store != null ? b.store : new InMemoryTokenStore();
        this.clock = b.clock;
        this.refreshMargin = b.refreshMargin;
        this.pendingLoginMaxAge = b.pendingLoginMaxAge;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        String issuer = stripTrailingSlash(b.issuer);
        AuthServerClient.Endpoints configured = new AuthServerClient.Endpoints(issuer,
                b.authorizationEndpoint != null || b.discovery ? b.authorizationEndpoint
                        : URI.create(issuer + "/authorize"),
                b.tokenEndpoint != null || b.discovery ? b.tokenEndpoint : URI.create(issuer + "/token"),
                b.revocationEndpoint);
        this.server = new AuthServerClient(b.httpClient != null ? b.httpClient : new OkHttpClient(), issuer,
                b.discovery, configured, b.clientId, b.clientSecret, b.clientAuthMethod);
        this.credentials = new OAuthCredentials(this);
    }

    /** @return a builder; {@link Builder#clientId} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a login with the default scopes ({@code workspace:admin offline_access} unless configured otherwise)
     * and the configured redirect URI.
     *
     * @return the pending login; send the user to {@link PendingLogin#authorizationUrl()}
     * @throws IllegalStateException if no redirect URI was configured
     * @throws AuthServerUnavailableException if discovery is on and the server cannot be reached
     */
    public PendingLogin startLogin() {
        return startLogin(defaultScopes, Map.of());
    }

    /**
     * Starts a login: a fresh {@code state} and, unless PKCE is switched off for a confidential client, a fresh PKCE
     * verifier (64 characters from a CSPRNG) with its S256 challenge. Nothing is stored.
     *
     * @param scopes the scopes to request
     * @param extraParams additional query parameters for the authorization URL (for example {@code utm_source});
     *     they cannot replace the parameters the SDK sets
     * @return the pending login; send the user to {@link PendingLogin#authorizationUrl()}
     * @throws IllegalArgumentException if an extra parameter is one the SDK sets itself
     * @throws IllegalStateException if no redirect URI was configured
     * @throws AuthServerUnavailableException if discovery is on and the server cannot be reached
     */
    public PendingLogin startLogin(Collection<String> scopes, Map<String, String> extraParams) {
        if (redirectUri == null) {
            throw new IllegalStateException("no redirect URI configured; set Builder.redirectUri");
        }
        return startLogin(redirectUri, scopes, extraParams);
    }

    PendingLogin startLogin(URI redirect, Collection<String> scopes, Map<String, String> extraParams) {
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(extraParams, "extraParams");
        for (String name : extraParams.keySet()) {
            if (RESERVED_PARAMS.contains(name)) {
                throw new IllegalArgumentException("extra parameter '" + name + "' is set by the SDK");
            }
        }
        AuthServerClient.Endpoints endpoints = server.endpoints();
        String state = randomUrlSafe(32);
        String verifier = pkce ? randomUrlSafe(48) : null;
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE,
                new ClientID(clientId))
                .endpointURI(endpoints.authorization())
                .redirectionURI(redirect)
                .state(new State(state));
        if (!scopes.isEmpty()) {
            request.scope(new Scope(scopes.toArray(new String[0])));
        }
        if (verifier != null) {
            request.codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256);
        }
        extraParams.forEach((k, v) -> request.customParameter(k, v));
        return new PendingLogin(request.build().toURI(), state, verifier, redirect, new ArrayList<>(scopes),
                clock.instant());
    }

    /**
     * Finishes a login from the URL the browser was redirected to. In order: the pending login must not be older
     * than the maximum age; an {@code iss} parameter must name this issuer; an {@code error} parameter becomes
     * {@link AuthorizationErrorException}; {@code state} must equal the pending one (compared in constant time); a
     * {@code code} must be present. Only then is the code exchanged (with the PKCE verifier). The tokens are saved
     * and returned. On any failure nothing is stored.
     *
     * @param callbackUrl the full redirect URL, or just its path and query (for example {@code request.getRequestURI()
     *     + "?" + request.getQueryString()})
     * @param pending the value {@link #startLogin} returned for this browser session
     * @return the saved tokens; the refresh token is absent if {@code offline_access} was not granted
     * @throws InvalidCallbackException if the callback is rejected before any token request
     * @throws AuthorizationErrorException if the server reported an error (for example the user denied access)
     * @throws TokenRequestException if the token endpoint rejected the code exchange
     * @throws AuthServerUnavailableException if the token endpoint could not be reached or answered 5xx
     * @throws TokenStoreException if the tokens cannot be saved
     */
    public OAuthTokens completeLogin(String callbackUrl, PendingLogin pending) {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(pending, "pending");
        if (clock.instant().isAfter(pending.createdAt().plus(pendingLoginMaxAge))) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.EXPIRED,
                    "the login was started more than " + pendingLoginMaxAge + " ago; start a new one");
        }
        Map<String, String> params = callbackParameters(callbackUrl);
        String iss = params.get("iss");
        String issuer = server.endpoints().issuer();
        if (iss != null && !iss.equals(issuer)) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.ISSUER_MISMATCH,
                    "the callback comes from issuer " + iss + ", expected " + issuer);
        }
        String error = params.get("error");
        if (error != null) {
            throw new AuthorizationErrorException(error, params.get("error_description"));
        }
        String state = params.get("state");
        if (state == null) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.MISSING_STATE,
                    "the callback has no state parameter");
        }
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.STATE_MISMATCH,
                    "the callback's state does not match this login");
        }
        String code = params.get("code");
        if (code == null || code.isEmpty()) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.MISSING_CODE,
                    "the callback has no authorization code");
        }
        Instant requestedAt = clock.instant();
        AuthServerClient.TokenResult result = server.exchangeCode(code, pending.redirectUri(), pending.codeVerifier());
        OAuthTokens tokens = toTokens(result, requestedAt, null, pending.scopes());
        store.save(tokens);
        LOG.debug("login completed for workspace {}", tokens.workspaceId().orElse("(unknown)"));
        notifyListeners(l -> l.onLogin(tokens));
        return tokens;
    }

    /** Parses the callback's query; a repeated parameter makes it malformed (RFC 6749 section 3.1). */
    private static Map<String, String> callbackParameters(String callbackUrl) {
        String query;
        try {
            query = new URI(callbackUrl.strip()).getRawQuery();
        } catch (URISyntaxException e) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.MALFORMED,
                    "the callback URL cannot be parsed");
        }
        Map<String, List<String>> raw = URLUtils.parseParameters(query == null ? "" : query);
        java.util.HashMap<String, String> out = new java.util.HashMap<>();
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            if (e.getValue().size() != 1) {
                throw new InvalidCallbackException(InvalidCallbackException.Reason.MALFORMED,
                        "the callback repeats the parameter '" + e.getKey() + "'");
            }
            out.put(e.getKey(), e.getValue().get(0));
        }
        return out;
    }

    /**
     * Runs a login for scripts and CLIs with the default options: listen on {@code 127.0.0.1} (free port), open the
     * system browser if there is one, print the URL, and wait up to five minutes.
     *
     * @return the saved tokens
     * @throws LoopbackLoginException on timeout, cancellation or if the listener cannot start
     * @throws OAuthException for the failures {@link #completeLogin} reports
     */
    public OAuthTokens loginWithLoopback() {
        return loginWithLoopback(LoopbackOptions.defaults());
    }

    /**
     * Like {@link #loginWithLoopback()} with options.
     *
     * @param options port, path, timeout, browser, output, scopes
     * @return the saved tokens
     * @throws LoopbackLoginException on timeout, cancellation or if the listener cannot start
     * @throws OAuthException for the failures {@link #completeLogin} reports
     */
    public OAuthTokens loginWithLoopback(LoopbackOptions options) {
        try (LoopbackLogin login = startLoopbackLogin(options)) {
            return login.await();
        }
    }

    /**
     * Starts a loopback login and returns at once, for callers that want to show the URL themselves or cancel from
     * another thread. The browser is opened and the URL printed before this returns.
     *
     * @param options the options
     * @return the running login; {@link LoopbackLogin#await()} waits for it, {@link LoopbackLogin#close()} stops it
     * @throws LoopbackLoginException if the listener cannot start
     */
    public LoopbackLogin startLoopbackLogin(LoopbackOptions options) {
        return LoopbackLogin.start(this, Objects.requireNonNull(options, "options"), defaultScopes);
    }

    /**
     * @return the credentials to give the API client; the same instance every time, so all callers share one
     *     refresh
     */
    public OAuthCredentials credentials() {
        return credentials;
    }

    /**
     * @return the tokens currently in the store, without refreshing
     * @throws TokenStoreException if the store cannot be read
     */
    public Optional<OAuthTokens> currentTokens() {
        return store.load();
    }

    /**
     * Logs out: removes the tokens from the store (under its refresh lock, so an in-flight refresh in another process
     * cannot bring them back), then revokes the refresh token at the revocation endpoint if one is known (advertised
     * by discovery or configured). Revocation is best effort: its failure is logged and does not undo or block the
     * local logout. A corrupt token file is removed too.
     *
     * @return true if the server confirmed the revocation
     * @throws TokenStoreException if the store cannot be changed
     */
    public boolean logout() {
        boolean[] hadTokens = {false};
        OAuthTokens removed = store.withRefreshLock(() -> {
            OAuthTokens current;
            try {
                current = store.load().orElse(null);
                hadTokens[0] = current != null;
            } catch (TokenStoreException e) {
                current = null; // unreadable: nothing to revoke, but still clear it
                hadTokens[0] = true;
            }
            store.clear();
            return current;
        });
        if (hadTokens[0]) {
            notifyListeners(l -> l.onCleared(TokenListener.ClearReason.LOGOUT));
        }
        if (removed == null || removed.refreshToken().isEmpty()) {
            return false;
        }
        try {
            return server.revoke(removed.refreshToken().get());
        } catch (RuntimeException e) {
            LOG.warn("refresh token revocation failed (local logout done): {}", e.getMessage());
            return false;
        }
    }

    /** @return the store this instance uses */
    public TokenStore tokenStore() {
        return store;
    }

    // ------------------------------------------------------------------------------------------ package-private

    AuthServerClient server() {
        return server;
    }

    TokenStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    Duration refreshMargin() {
        return refreshMargin;
    }

    /**
     * Turns a token response into stored tokens. Expiry from {@code expires_in} counted from when the request was
     * sent (so it errs early), else from the JWT's {@code exp}.
     */
    OAuthTokens toTokens(AuthServerClient.TokenResult result, Instant requestedAt, OAuthTokens previous,
                         Collection<String> requestedScopes) {
        JWTClaimsSet claims = Jwts.claims(result.accessToken());
        Instant expiresAt = result.expiresInSeconds() != null
                ? requestedAt.plusSeconds(result.expiresInSeconds())
                : Jwts.expiry(claims);
        String workspaceId = Jwts.workspaceId(claims);
        if (workspaceId == null && previous != null) {
            workspaceId = previous.workspaceId().orElse(null);
        }
        Collection<String> scopes;
        if (result.scope() != null && !result.scope().isBlank()) {
            scopes = new LinkedHashSet<>(Arrays.asList(result.scope().trim().split("\\s+")));
        } else if (previous != null) {
            scopes = previous.scopes();
        } else {
            scopes = requestedScopes;
        }
        String refreshToken = result.refreshToken();
        if (refreshToken == null && previous != null) {
            // No rotation in this response: the old refresh token stays valid (RFC 6749 section 6).
            refreshToken = previous.refreshToken().orElse(null);
        }
        return OAuthTokens.of(result.accessToken(), refreshToken, expiresAt, workspaceId, scopes);
    }

    void notifyListeners(java.util.function.Consumer<TokenListener> event) {
        for (TokenListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("token listener {} failed", listener.getClass().getName(), e);
            }
        }
    }

    private String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String stripTrailingSlash(String s) {
        String out = s;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    @Override
    public String toString() {
        return "PrismaOAuth[clientId=" + clientId + ", issuer=" + server.issuer() + ", store=" + store + "]";
    }

    /** Configures a {@link PrismaOAuth}. Not thread-safe. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private ClientAuthMethod clientAuthMethod = ClientAuthMethod.CLIENT_SECRET_BASIC;
        private boolean pkce = true;
        private URI redirectUri;
        private String issuer = DEFAULT_ISSUER;
        private boolean discovery;
        private URI authorizationEndpoint;
        private URI tokenEndpoint;
        private URI revocationEndpoint;
        private OkHttpClient httpClient;
        private TokenStore store;
        private List<String> scopes = List.of(SCOPE_WORKSPACE_ADMIN, SCOPE_OFFLINE_ACCESS);
        private Duration refreshMargin = Duration.ofSeconds(60);
        private Duration pendingLoginMaxAge = Duration.ofMinutes(15);
        private Clock clock = Clock.systemUTC();
        private final List<TokenListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param clientId the OAuth application's client id (required)
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Makes this a confidential client. Without a secret the client is public and always uses PKCE.
         *
         * @param clientSecret the client secret, or null for a public client
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * @param method how a confidential client authenticates; default {@code client_secret_basic}
         * @return this builder
         */
        public Builder clientAuthMethod(ClientAuthMethod method) {
            this.clientAuthMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * @param usePkce false to start logins without PKCE; only allowed for a confidential client. Default true.
         * @return this builder
         */
        public Builder usePkce(boolean usePkce) {
            this.pkce = usePkce;
            return this;
        }

        /**
         * @param redirectUri the registered callback URL for {@link PrismaOAuth#startLogin()}; not needed for
         *     loopback logins
         * @return this builder
         */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = redirectUri == null ? null : URI.create(redirectUri);
            return this;
        }

        /**
         * @param issuer the authorization server's issuer; default {@value #DEFAULT_ISSUER}. Endpoints default to
         *     {@code <issuer>/authorize} and {@code <issuer>/token}.
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * @param discovery true to read the endpoints (and the revocation endpoint) from
         *     {@code <issuer>/.well-known/oauth-authorization-server} on first use; default false
         * @return this builder
         */
        public Builder discovery(boolean discovery) {
            this.discovery = discovery;
            return this;
        }

        /**
         * @param endpoint overrides the authorization endpoint
         * @return this builder
         */
        public Builder authorizationEndpoint(URI endpoint) {
            this.authorizationEndpoint = endpoint;
            return this;
        }

        /**
         * @param endpoint overrides the token endpoint
         * @return this builder
         */
        public Builder tokenEndpoint(URI endpoint) {
            this.tokenEndpoint = endpoint;
            return this;
        }

        /**
         * @param endpoint the RFC 7009 revocation endpoint; without it (and without discovery advertising one),
         *     {@link PrismaOAuth#logout()} only clears the store
         * @return this builder
         */
        public Builder revocationEndpoint(URI endpoint) {
            this.revocationEndpoint = endpoint;
            return this;
        }

        /**
         * @param client the OkHttp client to send OAuth requests with, normally the one the API client uses; default
         *     a new client
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = client;
            return this;
        }

        /**
         * @param store where tokens live; default an {@link InMemoryTokenStore}
         * @return this builder
         */
        public Builder tokenStore(TokenStore store) {
            this.store = store;
            return this;
        }

        /**
         * @param scopes the scopes {@link PrismaOAuth#startLogin()} requests; default
         *     {@code workspace:admin offline_access}
         * @return this builder
         */
        public Builder scopes(Collection<String> scopes) {
            this.scopes = List.copyOf(scopes);
            return this;
        }

        /**
         * @param margin refresh proactively when the access token expires within this margin; default 60 s. Keep it
         *     well below the token lifetime, or every call refreshes.
         * @return this builder
         */
        public Builder refreshMargin(Duration margin) {
            if (margin.isNegative()) {
                throw new IllegalArgumentException("margin must not be negative");
            }
            this.refreshMargin = margin;
            return this;
        }

        /**
         * @param maxAge how long a {@link PendingLogin} can be completed; default 15 minutes
         * @return this builder
         */
        public Builder pendingLoginMaxAge(Duration maxAge) {
            this.pendingLoginMaxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /**
         * @param listener told about logins, refreshes and clears in this process
         * @return this builder
         */
        public Builder listener(TokenListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param clock the clock for expiry decisions; default the system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the configured instance
         * @throws IllegalStateException if the client id is missing, or PKCE is switched off for a public client
         */
        public PrismaOAuth build() {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalStateException("clientId is required");
            }
            if (clientSecret != null && clientSecret.isEmpty()) {
                throw new IllegalStateException("clientSecret must be null or non-empty");
            }
            if (!pkce && clientSecret == null) {
                throw new IllegalStateException("a public client (no secret) must use PKCE");
            }
            return new PrismaOAuth(this);
        }

        @Override
        public String toString() {
            return "PrismaOAuth.Builder[clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "none" : "***") + "]";
        }
    }
}
