package dev.pdpkit.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import dev.pdpkit.oauth.internal.AuthServerClient;
import dev.pdpkit.oauth.internal.CallbackValidator;
import dev.pdpkit.oauth.internal.OAuthAccess;
import dev.pdpkit.oauth.internal.OAuthSettings;
import dev.pdpkit.oauth.internal.ReplayGuard;
import dev.pdpkit.oauth.internal.SecureEndpoints;
import dev.pdpkit.oauth.internal.SharedHttp;
import dev.pdpkit.oauth.internal.TokenResponses;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
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
 * PrismaManagement client = oauth.clientBuilder().build();   // same OkHttp pool, refreshing credentials
 * ...
 * LogoutResult out = oauth.logout();                        // ends the grant at the server, then clears the store
 * }</pre>
 *
 * <p>Refresh is safe when many threads and several processes share the store: one token request per expiry, the new
 * pair saved before it is used, and only an {@code invalid_grant} answer logs the user out (see
 * {@link OAuthCredentials}). Every OAuth endpoint must be https unless it is on loopback. Close it when done: it
 * releases the OkHttp client it created (never one you passed in). Thread-safe.
 */
public final class PrismaOAuth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrismaOAuth.class);

    /** The issuer of Prisma's authorization server. */
    public static final String DEFAULT_ISSUER = OAuthSettings.DEFAULT_ISSUER;
    /** Full access to the workspace the user picks. */
    public static final String SCOPE_WORKSPACE_ADMIN = "workspace:admin";
    /** Makes the server issue a refresh token, for sessions that outlive the one-hour access token. */
    public static final String SCOPE_OFFLINE_ACCESS = "offline_access";

    // Parameters the SDK sets itself; extra parameters must not override them (the official SDK lets them).
    private static final Set<String> RESERVED_PARAMS = Set.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "code_challenge", "code_challenge_method");

    static {
        OAuthAccess.register(oauth -> oauth.server.endpoints());
    }

    private final AuthServerClient server;
    private final String clientId;
    private final boolean pkce;
    private final URI redirectUri;
    private final List<String> defaultScopes;
    private final TokenStore store;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Duration refreshLockTimeout;
    private final Duration pendingLoginMaxAge;
    private final List<TokenListener> listeners;
    private final SecureRandom random = new SecureRandom();
    private final OAuthCredentials credentials;
    private final ReplayGuard usedLogins;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Logout logout;

    private PrismaOAuth(Builder b) {
        OAuthSettings s = b.settings;
        this.clientId = s.clientId;
        this.pkce = b.pkce;
        this.redirectUri = s.redirectUri;
        this.defaultScopes = List.copyOf(s.scopes);
        this.store = b.store != null ? b.store : new InMemoryTokenStore();
        this.clock = s.clock;
        this.refreshMargin = b.refreshMargin;
        this.refreshLockTimeout = b.refreshLockTimeout;
        this.pendingLoginMaxAge = b.pendingLoginMaxAge;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.usedLogins = new ReplayGuard(clock);
        this.ownsHttp = s.httpClient == null;
        this.http = ownsHttp ? SharedHttp.newClient() : s.httpClient;
        String issuer = stripTrailingSlash(s.issuer);
        AuthServerClient.Endpoints configured = new AuthServerClient.Endpoints(issuer,
                s.authorizationEndpoint != null || s.discovery ? s.authorizationEndpoint
                        : URI.create(issuer + "/authorize"),
                s.tokenEndpoint != null || s.discovery ? s.tokenEndpoint : URI.create(issuer + "/token"),
                b.revocationEndpoint, b.issuerParameterRequired);
        this.server = new AuthServerClient(http, issuer, s.discovery, configured, s.clientId, s.clientSecret,
                s.clientAuthMethod, b.revocationTimeout);
        this.credentials = new OAuthCredentials(this);
        this.logout = new Logout(this, b.managementApiUrl, b.revocationTimeout);
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
     * than the maximum age; the callback must pass {@link dev.pdpkit.oauth.internal.CallbackValidator}'s checks
     * ({@code state} first, in constant time; then the redirect URI's scheme, host, port and path; then {@code iss},
     * which is required when the server advertises {@code authorization_response_iss_parameter_supported}); the
     * pending login and its code must not have been completed before by this instance (single use, atomic across
     * threads); an {@code error} parameter becomes {@link AuthorizationErrorException}; a {@code code} must be
     * present. Only then is the code exchanged (with the PKCE verifier). The tokens are saved and returned. On any
     * failure nothing is stored, and a used pending login stays used: start a new one.
     *
     * <p>Single use is remembered in this instance's memory. An application running on several servers should also
     * remove the pending login from the user's session when it reads it, so that no other server can complete it.
     *
     * @param callbackUrl the full redirect URL, or just its path and query (for example {@code request.getRequestURI()
     *     + "?" + request.getQueryString()})
     * @param pending the value {@link #startLogin} returned for this browser session
     * @return the saved tokens; the refresh token is absent if {@code offline_access} was not granted
     * @throws InvalidCallbackException if the callback is rejected before any token request, including
     *     {@link InvalidCallbackException.Reason#ALREADY_USED} for a second completion
     * @throws AuthorizationErrorException if the server reported an error (for example the user denied access)
     * @throws TokenRequestException if the token endpoint rejected the code exchange
     * @throws AuthServerUnavailableException if the token endpoint could not be reached or answered 5xx
     * @throws TokenStoreException if the tokens cannot be saved
     */
    public OAuthTokens completeLogin(String callbackUrl, PendingLogin pending) {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(pending, "pending");
        Instant expiresAt = pending.createdAt().plus(pendingLoginMaxAge);
        if (clock.instant().isAfter(expiresAt)) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.EXPIRED,
                    "the login was started more than " + pendingLoginMaxAge + " ago; start a new one");
        }
        CallbackValidator.Callback callback = CallbackValidator.validate(callbackUrl, expectedCallback(pending));
        boolean firstState = usedLogins.firstUse("state:" + ReplayGuard.hash(pending.state()), expiresAt);
        boolean firstCode = callback.code() == null
                || usedLogins.firstUse("code:" + ReplayGuard.hash(callback.code()), expiresAt);
        if (!firstState || !firstCode) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.ALREADY_USED,
                    "this login was already completed; a pending login and its code can be used once");
        }
        if (callback.isError()) {
            throw new AuthorizationErrorException(callback.error(), callback.errorDescription());
        }
        Instant requestedAt = clock.instant();
        AuthServerClient.TokenResult result = server.exchangeCode(callback.code(), pending.redirectUri(),
                pending.codeVerifier());
        OAuthTokens tokens = TokenResponses.toTokens(result, requestedAt, null, pending.scopes());
        store.save(tokens);
        LOG.debug("login completed for workspace {}", tokens.workspaceId().orElse("(unknown)"));
        notifyListeners(l -> l.onLogin(tokens));
        return tokens;
    }

    private CallbackValidator.Expected expectedCallback(PendingLogin pending) {
        AuthServerClient.Endpoints endpoints = server.endpoints();
        return new CallbackValidator.Expected(pending.state(), pending.redirectUri(), endpoints.issuer(),
                endpoints.issuerParameterRequired());
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
     * An API client builder already set up with {@link #credentials()} and this instance's OkHttp client, so API and
     * OAuth traffic share one connection pool and dispatcher. Set the base URL and anything else as usual.
     *
     * @return a new builder
     */
    public PrismaManagement.Builder clientBuilder() {
        return PrismaManagement.builder().credentials(credentials).transport(OkHttpTransport.of(http));
    }

    /**
     * @return the tokens currently in the store, without refreshing
     * @throws TokenStoreException if the store cannot be read
     */
    public Optional<OAuthTokens> currentTokens() {
        return store.load();
    }

    /**
     * Logs out by ending the grant at the server, then clearing the store. What is ended:
     * <ul>
     *   <li>When the server has a revocation endpoint (advertised in its discovery document, or configured with
     *   {@link Builder#revocationEndpoint}): the refresh token is revoked (RFC 7009); a server following RFC 7009
     *   section 2.1 then also ends the access tokens of that authorization (the emulator does). Without a refresh
     *   token, the access token alone is revoked.</li>
     *   <li>Otherwise (Prisma's documented way): the user's integration is revoked through the Management API with
     *   the user's own access token: the workspace's integrations are listed and every one of this client id that
     *   the same user created is deleted ({@code DELETE /v1/integrations/{id}}). That ends every access and refresh
     *   token of this application for this user in that workspace, including sessions on other devices.</li>
     * </ul>
     * The store is cleared only after the server confirmed. If revocation fails (refused, 4xx/5xx, timeout), nothing
     * is cleared and the result is {@link LogoutResult.Status#REVOCATION_FAILED} with the tokens to retry with:
     * call {@code logout()} again later, or clear now with {@link #logoutLocally()} and retry with
     * {@link #revoke(OAuthTokens)}. An access token that expired is refreshed first (the integration route needs a
     * valid one). A corrupt token file is cleared (nothing can be revoked).
     *
     * @return what happened
     * @throws TokenStoreException if the store cannot be read or changed
     */
    public LogoutResult logout() {
        return logout.logout();
    }

    /**
     * Ends the grant of {@code tokens} at the server as {@link #logout()} does, without touching the store.
     *
     * @param tokens the tokens to revoke, for example {@link LogoutResult#unrevokedTokens()} of a failed logout
     * @return {@link LogoutResult.Status#REVOKED} or {@link LogoutResult.Status#REVOCATION_FAILED}
     */
    public LogoutResult revoke(OAuthTokens tokens) {
        return logout.revoke(Objects.requireNonNull(tokens, "tokens"));
    }

    /**
     * Clears the store without contacting the server. The grant stays valid at the server until it expires: use
     * {@link #logout()} unless you revoke it another way.
     *
     * @throws TokenStoreException if the store cannot be changed
     */
    public void logoutLocally() {
        logout.clearStore();
    }

    /** @return the store this instance uses */
    public TokenStore tokenStore() {
        return store;
    }

    /**
     * Releases the OkHttp client this instance created (its threads and idle connections); an OkHttp client passed
     * to {@link Builder#httpClient} is left alone. API clients built with {@link #clientBuilder()} must be closed
     * first.
     */
    @Override
    public void close() {
        if (ownsHttp) {
            SharedHttp.release(http);
        }
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

    Duration refreshLockTimeout() {
        return refreshLockTimeout;
    }

    String clientId() {
        return clientId;
    }

    OkHttpClient http() {
        return http;
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
        private final OAuthSettings settings = new OAuthSettings(List.of(SCOPE_WORKSPACE_ADMIN, SCOPE_OFFLINE_ACCESS));
        private boolean pkce = true;
        private URI revocationEndpoint;
        private boolean issuerParameterRequired;
        private TokenStore store;
        private Duration refreshMargin = Duration.ofSeconds(60);
        private Duration refreshLockTimeout = Duration.ofSeconds(30);
        private Duration revocationTimeout = Duration.ofSeconds(10);
        private Duration pendingLoginMaxAge = Duration.ofMinutes(15);
        private String managementApiUrl;
        private final List<TokenListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param clientId the OAuth application's client id (required)
         * @return this builder
         */
        public Builder clientId(String clientId) {
            settings.clientId = clientId;
            return this;
        }

        /**
         * Makes this a confidential client. Without a secret the client is public and always uses PKCE.
         *
         * @param clientSecret the client secret, or null for a public client
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            settings.clientSecret = clientSecret;
            return this;
        }

        /**
         * @param method how a confidential client authenticates; default {@code client_secret_basic}
         * @return this builder
         */
        public Builder clientAuthMethod(ClientAuthMethod method) {
            settings.clientAuthMethod(method);
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
            settings.redirectUri = redirectUri == null ? null : URI.create(redirectUri);
            return this;
        }

        /**
         * @param issuer the authorization server's issuer; default {@value #DEFAULT_ISSUER}; https unless on loopback
         * @return this builder
         */
        public Builder issuer(String issuer) {
            settings.issuer(issuer);
            return this;
        }

        /**
         * @param discovery true (the default) to read the endpoints, the revocation endpoint and whether callbacks
         *     carry {@code iss} from {@code <issuer>/.well-known/oauth-authorization-server} on first use; false to
         *     use {@code <issuer>/authorize}, {@code <issuer>/token} and the settings of this builder only
         * @return this builder
         */
        public Builder discovery(boolean discovery) {
            settings.discovery = discovery;
            return this;
        }

        /**
         * @param endpoint overrides the authorization endpoint; https unless on loopback
         * @return this builder
         */
        public Builder authorizationEndpoint(URI endpoint) {
            settings.authorizationEndpoint = endpoint;
            return this;
        }

        /**
         * @param endpoint overrides the token endpoint; https unless on loopback
         * @return this builder
         */
        public Builder tokenEndpoint(URI endpoint) {
            settings.tokenEndpoint = endpoint;
            return this;
        }

        /**
         * @param endpoint the RFC 7009 revocation endpoint, overriding the advertised one; https unless on loopback.
         *     Without one, {@link PrismaOAuth#logout()} revokes the integration through the Management API
         * @return this builder
         */
        public Builder revocationEndpoint(URI endpoint) {
            this.revocationEndpoint = endpoint;
            return this;
        }

        /**
         * @param required true to reject callbacks without {@code iss} even when discovery is off or the server does
         *     not advertise {@code authorization_response_iss_parameter_supported}; default false (the discovery
         *     document decides)
         * @return this builder
         */
        public Builder issuerParameterRequired(boolean required) {
            this.issuerParameterRequired = required;
            return this;
        }

        /**
         * @param url the Management API base URL the integration route of {@link PrismaOAuth#logout()} calls;
         *     default the API client's default ({@code https://api.prisma.io})
         * @return this builder
         */
        public Builder managementApiUrl(String url) {
            this.managementApiUrl = url;
            return this;
        }

        /**
         * @param client the OkHttp client to send OAuth requests with, normally the one the API client uses; default
         *     a client this instance creates, shares with {@link PrismaOAuth#clientBuilder()} and releases on
         *     {@link PrismaOAuth#close()}
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            settings.httpClient = client;
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
            settings.scopes(scopes);
            return this;
        }

        /**
         * @param margin refresh proactively when the access token expires within this margin; default 60 s. For
         *     tokens whose lifetime is known (all the SDK obtains), the margin used is at most half the lifetime, so
         *     a 60 s token is refreshed after 30 s, not on every call.
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
         * @param timeout how long a call without its own budget waits for a refresh running in another thread or
         *     process (the store's lock) before failing with {@link LockTimeoutException}; default 30 s
         * @return this builder
         */
        public Builder refreshLockTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must not be negative");
            }
            this.refreshLockTimeout = timeout;
            return this;
        }

        /**
         * @param timeout the overall deadline of each revocation request {@link PrismaOAuth#logout()} sends;
         *     default 10 s
         * @return this builder
         */
        public Builder revocationTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.revocationTimeout = timeout;
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
            settings.clock(clock);
            return this;
        }

        /**
         * @return the configured instance
         * @throws IllegalStateException if the client id is missing, PKCE is switched off for a public client, or an
         *     endpoint is plain http on a host that is not loopback
         */
        public PrismaOAuth build() {
            settings.validate();
            if (!pkce && settings.clientSecret == null) {
                throw new IllegalStateException("a public client (no secret) must use PKCE");
            }
            try {
                SecureEndpoints.require(revocationEndpoint, "revocation endpoint");
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage());
            }
            return new PrismaOAuth(this);
        }

        @Override
        public String toString() {
            return "PrismaOAuth.Builder[clientId=" + settings.clientId + ", clientSecret="
                    + (settings.clientSecret == null ? "none" : "***") + "]";
        }
    }
}
