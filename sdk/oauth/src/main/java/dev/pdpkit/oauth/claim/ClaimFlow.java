package dev.pdpkit.oauth.claim;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.ConflictException;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectTransferParams;
import dev.pdpkit.oauth.AuthorizationErrorException;
import dev.pdpkit.oauth.ClientAuthMethod;
import dev.pdpkit.oauth.InvalidCallbackException;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.PendingLogin;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.oauth.TokenRequestException;
import dev.pdpkit.oauth.TokenStore;
import dev.pdpkit.oauth.internal.AuthServerClient;
import dev.pdpkit.oauth.internal.CallbackValidator;
import dev.pdpkit.oauth.internal.OAuthAccess;
import dev.pdpkit.oauth.internal.OAuthSettings;
import dev.pdpkit.oauth.internal.ReplayGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partner claim flow: a user signs in to Prisma with OAuth, picks a workspace, and the partner moves a project it
 * provisioned into that workspace ({@code POST /v1/projects/{id}/transfer}, authorised with the partner's service
 * token and carrying the user's access token as {@code recipientAccessToken}).
 *
 * <pre>{@code
 * ClaimFlow claims = ClaimFlow.builder()
 *     .clientId(System.getenv("PRISMA_CLIENT_ID"))
 *     .clientSecret(System.getenv("PRISMA_CLIENT_SECRET"))
 *     .redirectUri("https://partner.example/claim/callback")      // registered, fixed: never taken from the request
 *     .partnerClient(PrismaManagement.builder().serviceToken(System.getenv("PRISMA_SERVICE_TOKEN")).build())
 *     .build();
 *
 * // "Claim it" request: the project comes from your own records for this user, not from the browser.
 * PendingClaim pending = claims.start(projectId);
 * pendingClaims.save(sessionKey, pending);               // sessionKey: random, in an HttpOnly cookie
 * redirect(pending.authorizationUrl());
 *
 * // Callback request:
 * ClaimResult result = claims.complete(callbackUrl, pendingClaims.take(sessionKey).orElse(null));
 * switch (result.status()) { case CLAIMED: ...; case CANCELLED: ...; ... }
 * }</pre>
 *
 * <p>What it fixes compared with Prisma's reference implementation: the state comes from a CSPRNG, is bound to the
 * browser session by the caller's {@link PendingClaimStore}, and is compared in constant time; PKCE is used on top of
 * the client secret; the redirect URI is configuration, never a request value; the project is part of the pending
 * claim, not of the callback URL; the {@code error} parameter is honoured; a claim can be completed once
 * ({@link ClaimReplayGuard}); the project is checked before the code is redeemed; the user's token is dropped after
 * the transfer; outcomes are typed and free of upstream response text.
 *
 * <p>Order of checks in {@link #complete}: pending claim present and not expired; the callback checks shared with
 * {@link PrismaOAuth#completeLogin} ({@code state} present and equal, the registered redirect URI's scheme, host,
 * port and path, {@code iss} naming this issuer and present when the server advertises
 * {@code authorization_response_iss_parameter_supported}, a {@code code} or an {@code error}); then the replay
 * guard (first use of this claim); then {@code error}. Only then are requests
 * made: the project is read with the service token, the code is exchanged (with the PKCE verifier), the project is
 * transferred, and read back with the user's token. Transient failures (authorization server or API unreachable,
 * 5xx, 429 after retries) and configuration errors (wrong client secret, rejected service token) are thrown as the
 * SDK's exceptions; the claim is then used up and the user has to start again. Thread-safe.
 */
public final class ClaimFlow {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimFlow.class);

    private final PrismaOAuth oauth;
    private final PrismaManagement partner;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;
    private final ClaimReplayGuard guard;
    private final boolean keepTokens;
    private final List<String> scopes;

    private ClaimFlow(Builder b) {
        this.partner = b.partner;
        this.issuer = stripTrailingSlash(b.settings.issuer);
        this.lifetime = b.lifetime;
        this.clock = b.settings.clock;
        this.guard = b.guard != null ? b.guard : ClaimReplayGuard.inMemory(clock);
        this.keepTokens = b.keepTokens;
        this.scopes = List.copyOf(b.settings.scopes);
        PrismaOAuth.Builder ob = PrismaOAuth.builder()
                .clientId(b.settings.clientId)
                .clientSecret(b.settings.clientSecret)
                .clientAuthMethod(b.settings.clientAuthMethod)
                .usePkce(true)
                .redirectUri(b.settings.redirectUri.toString())
                .issuer(this.issuer)
                .discovery(b.settings.discovery)
                .authorizationEndpoint(b.settings.authorizationEndpoint)
                .tokenEndpoint(b.settings.tokenEndpoint)
                .httpClient(b.settings.httpClient)
                .scopes(b.settings.scopes)
                .pendingLoginMaxAge(b.lifetime)
                .tokenStore(new DiscardingTokenStore())
                .clock(clock);
        this.oauth = ob.build();
    }

    /** @return a builder; client id, client secret, redirect URI and partner client are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a claim of {@code projectId}: a fresh state (CSPRNG), a PKCE verifier and its S256 challenge, the
     * configured redirect URI, the current time. No request is made and nothing is stored.
     *
     * @param projectId the project to transfer; take it from your own records, never from the browser unchecked
     * @return the pending claim; keep it for this browser session and redirect to
     *     {@link PendingClaim#authorizationUrl()}
     */
    public PendingClaim start(String projectId) {
        return start(projectId, Map.of());
    }

    /**
     * Like {@link #start(String)} with additional authorization URL parameters (for example {@code utm_source}); they
     * cannot replace the OAuth parameters.
     *
     * @param projectId the project to transfer
     * @param extraParams additional query parameters
     * @return the pending claim
     * @throws IllegalArgumentException if the project id is blank or an extra parameter is reserved
     */
    public PendingClaim start(String projectId, Map<String, String> extraParams) {
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("projectId is required");
        }
        PendingLogin login = oauth.startLogin(scopes, extraParams);
        return new PendingClaim(projectId, login, login.createdAt().plus(lifetime));
    }

    /**
     * Finishes a claim from the URL the browser was redirected to (see the class description for the order of
     * checks).
     *
     * @param callbackUrl the full callback URL, or its path and query
     * @param pending the claim {@link #start} returned for this browser session, or null if the session has none
     *     (then the result is {@link ClaimResult.Status#EXPIRED})
     * @return what happened
     * @throws dev.pdpkit.oauth.AuthServerUnavailableException if the token endpoint cannot be reached or fails
     * @throws TokenRequestException if the token endpoint rejects this client ({@code invalid_client},
     *     {@code unauthorized_client}): a configuration error
     * @throws dev.pdpkit.client.errors.PrismaException for API failures other than the typed outcomes (network,
     *     5xx, a rejected service token)
     */
    public ClaimResult complete(String callbackUrl, PendingClaim pending) {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        if (pending == null) {
            return log(ClaimResult.failure(ClaimResult.Status.EXPIRED, null,
                    "no pending claim for this browser session (expired, already used or never started)"));
        }
        String projectId = pending.projectId();
        if (pending.isExpired(clock.instant())) {
            return log(ClaimResult.failure(ClaimResult.Status.EXPIRED, projectId,
                    "the claim was started more than " + lifetime + " ago"));
        }
        CallbackValidator.Callback callback;
        try {
            callback = CallbackValidator.validate(callbackUrl, expected(pending));
        } catch (InvalidCallbackException e) {
            return log(ClaimResult.failure(ClaimResult.Status.INVALID_CALLBACK, projectId,
                    "the callback was rejected (" + e.reason() + "): " + e.getMessage()));
        }
        if (!guard.firstUse(ReplayGuard.hash(pending.state()), pending.expiresAt())) {
            return log(ClaimResult.failure(ClaimResult.Status.REPLAYED, projectId,
                    "this claim was already completed; the repeated callback was ignored"));
        }
        if (callback.isError()) {
            String code = callback.error();
            boolean denied = "access_denied".equals(code);
            return log(new ClaimResult(denied ? ClaimResult.Status.CANCELLED
                    : ClaimResult.Status.AUTHORIZATION_FAILED, projectId, null, null, code,
                    denied ? "the user declined the authorization" : "the authorization server reported " + code,
                    null));
        }

        // Before redeeming the code: does the project still exist for the partner? (404 here is not the user's fault.)
        try {
            partner.projects().get(projectId);
        } catch (NotFoundException e) {
            return log(ClaimResult.failure(ClaimResult.Status.PROJECT_NOT_FOUND, projectId,
                    "the project does not exist (any more) in the partner's workspace"));
        }

        return exchangeAndTransfer(callbackUrl, pending);
    }

    /** Redeems the code (the callback already passed every check), then transfers the project. */
    private ClaimResult exchangeAndTransfer(String callbackUrl, PendingClaim pending) {
        String projectId = pending.projectId();
        OAuthTokens tokens;
        try {
            tokens = oauth.completeLogin(callbackUrl, pending.login());
        } catch (TokenRequestException e) {
            if ("invalid_client".equals(e.error()) || "unauthorized_client".equals(e.error())) {
                throw e;
            }
            String err = e.error() != null ? CallbackValidator.safeErrorCode(e.error()) : "token_request_failed";
            return log(new ClaimResult(ClaimResult.Status.AUTHORIZATION_FAILED, projectId, null, null, err,
                    "the authorization code could not be exchanged (HTTP " + e.statusCode() + ", " + err + ")",
                    null));
        } catch (InvalidCallbackException e) {
            return log(ClaimResult.failure(ClaimResult.Status.INVALID_CALLBACK, projectId,
                    "the callback was rejected: " + e.reason()));
        } catch (AuthorizationErrorException e) {
            return log(new ClaimResult(ClaimResult.Status.AUTHORIZATION_FAILED, projectId, null, null,
                    "authorization_error", "the authorization server reported an error", null));
        }
        return transfer(projectId, tokens);
    }

    private ClaimResult transfer(String projectId, OAuthTokens tokens) {
        String accessToken = tokens.accessToken();
        String tokenWorkspace = tokens.workspaceId().orElse(null);
        PrismaManagement asUser = partner.withOptions(b -> b.serviceToken(accessToken));
        try {
            try {
                partner.projects().transfer(ProjectTransferParams.builder().id(projectId)
                        .recipientAccessToken(accessToken).build());
            } catch (NotFoundException e) {
                return log(ClaimResult.failure(ClaimResult.Status.PROJECT_NOT_FOUND, projectId,
                        "the project disappeared before it could be transferred"));
            } catch (UnauthorizedException e) {
                return log(new ClaimResult(ClaimResult.Status.RECIPIENT_REJECTED, projectId, null, tokenWorkspace,
                        null, "the API rejected the user's access token as the recipient", null));
            } catch (ConflictException e) {
                // A retried transfer whose first attempt went through also answers 409: look before reporting.
                Optional<Project> mine = readBack(asUser, projectId);
                if (mine.isPresent() && tokenWorkspace != null
                        && tokenWorkspace.equals(mine.get().workspace().id())) {
                    return log(claimed(projectId, mine.get(), tokens));
                }
                return log(new ClaimResult(ClaimResult.Status.NOT_TRANSFERABLE, projectId, null, tokenWorkspace,
                        null, "the API cannot transfer the project in its current state (HTTP 409)", null));
            }
            return log(claimed(projectId, readBack(asUser, projectId).orElse(null), tokens));
        } finally {
            asUser.close();
        }
    }

    private ClaimResult claimed(String projectId, Project project, OAuthTokens tokens) {
        String workspace = project != null ? project.workspace().id() : tokens.workspaceId().orElse(null);
        return new ClaimResult(ClaimResult.Status.CLAIMED, projectId, project, workspace, null,
                "the project was transferred to workspace " + workspace, keepTokens ? tokens : null);
    }

    private static Optional<Project> readBack(PrismaManagement asUser, String projectId) {
        try {
            return Optional.of(asUser.projects().get(projectId));
        } catch (RuntimeException e) {
            LOG.debug("could not read project {} back with the user's token: {}", projectId,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static ClaimResult log(ClaimResult result) {
        if (result.claimed()) {
            LOG.info("claim of {} completed: {}", result.projectId().orElse("?"), result.message());
        } else {
            LOG.info("claim of {} ended with {}: {}", result.projectId().orElse("?"), result.status(),
                    result.message());
        }
        return result;
    }

    private CallbackValidator.Expected expected(PendingClaim pending) {
        AuthServerClient.Endpoints endpoints = oauthEndpoints();
        return new CallbackValidator.Expected(pending.state(), pending.login().redirectUri(), issuer,
                endpoints.issuerParameterRequired());
    }

    private AuthServerClient.Endpoints oauthEndpoints() {
        return OAuthAccess.endpoints(oauth);
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
        return "ClaimFlow[issuer=" + issuer + ", lifetime=" + lifetime + ", keepRecipientTokens=" + keepTokens + "]";
    }

    /** A token store that keeps nothing: the claim flow never stores the user's tokens. */
    private static final class DiscardingTokenStore implements TokenStore {
        @Override
        public Optional<OAuthTokens> load() {
            return Optional.empty();
        }

        @Override
        public void save(OAuthTokens tokens) {
            // dropped on purpose
        }

        @Override
        public void clear() {
        }

        @Override
        public boolean clearIfCurrent(OAuthTokens expected) {
            return false;
        }

        @Override
        public <T> T withRefreshLock(Supplier<T> action) {
            return action.get();
        }

        @Override
        public String toString() {
            return "DiscardingTokenStore";
        }
    }

    /** Configures a {@link ClaimFlow}. Not thread-safe. */
    public static final class Builder {
        private final OAuthSettings settings = new OAuthSettings(List.of(PrismaOAuth.SCOPE_WORKSPACE_ADMIN));
        private String redirectUri;
        private PrismaManagement partner;
        private Duration lifetime = Duration.ofMinutes(15);
        private ClaimReplayGuard guard;
        private boolean keepTokens;

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
         * @param clientSecret the OAuth application's secret (required: the claim flow runs on the partner's server)
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            settings.clientSecret = clientSecret;
            return this;
        }

        /**
         * @param method how the client authenticates at the token endpoint; default basic
         * @return this builder
         */
        public Builder clientAuthMethod(ClientAuthMethod method) {
            settings.clientAuthMethod(method);
            return this;
        }

        /**
         * @param redirectUri the registered callback URL, used byte for byte in the authorization and token requests
         *     (required)
         * @return this builder
         */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /**
         * @param issuer the authorization server; default {@value PrismaOAuth#DEFAULT_ISSUER}
         * @return this builder
         */
        public Builder issuer(String issuer) {
            settings.issuer(issuer);
            return this;
        }

        /**
         * @param endpoint overrides {@code <issuer>/authorize}
         * @return this builder
         */
        public Builder authorizationEndpoint(URI endpoint) {
            settings.authorizationEndpoint = endpoint;
            return this;
        }

        /**
         * @param endpoint overrides {@code <issuer>/token}
         * @return this builder
         */
        public Builder tokenEndpoint(URI endpoint) {
            settings.tokenEndpoint = endpoint;
            return this;
        }

        /**
         * @param discovery true (the default) to read endpoints and whether callbacks carry {@code iss} from the
         *     issuer's discovery document; false to use {@code <issuer>/authorize} and {@code <issuer>/token}
         * @return this builder
         */
        public Builder discovery(boolean discovery) {
            settings.discovery = discovery;
            return this;
        }

        /**
         * @param client the OkHttp client for OAuth requests; default a new one
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            settings.httpClient = client;
            return this;
        }

        /**
         * @param client the API client authenticated with the partner's workspace service token (required); it reads
         *     and transfers the project, and (with the user's token swapped in) reads it back
         * @return this builder
         */
        public Builder partnerClient(PrismaManagement client) {
            this.partner = client;
            return this;
        }

        /**
         * @param lifetime how long a pending claim can be completed; default 15 minutes
         * @return this builder
         */
        public Builder claimLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("lifetime must be positive");
            }
            this.lifetime = lifetime;
            return this;
        }

        /**
         * @param guard shared record of used claims; default {@link ClaimReplayGuard#inMemory(Clock)}
         * @return this
         */
        public Builder replayGuard(ClaimReplayGuard guard) {
            this.guard = guard;
            return this;
        }

        /**
         * @param keep true to return the user's tokens in {@link ClaimResult#recipientTokens()} after a successful
         *     claim; default false: they are dropped after the transfer
         * @return this builder
         */
        public Builder keepRecipientTokens(boolean keep) {
            this.keepTokens = keep;
            return this;
        }

        /**
         * @param scopes the scopes to request; default {@code workspace:admin} (no {@code offline_access}: the claim
         *     needs no refresh token)
         * @return this builder
         */
        public Builder scopes(Collection<String> scopes) {
            settings.scopes(scopes);
            return this;
        }

        /**
         * @param clock decides expiry; default the system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        /**
         * @return the flow
         * @throws IllegalStateException if a required setting is missing or the redirect URI is not absolute
         */
        public ClaimFlow build() {
            settings.validate();
            if (settings.clientSecret == null) {
                throw new IllegalStateException("clientSecret is required: the claim flow is for confidential clients");
            }
            if (partner == null) {
                throw new IllegalStateException("partnerClient (authenticated with the partner's service token) is "
                        + "required");
            }
            if (redirectUri == null) {
                throw new IllegalStateException("redirectUri is required");
            }
            URI parsed;
            try {
                parsed = new URI(redirectUri);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("redirectUri is not a valid URI");
            }
            if (!parsed.isAbsolute() || parsed.getFragment() != null) {
                throw new IllegalStateException("redirectUri must be absolute and without fragment");
            }
            settings.redirectUri = parsed;
            return new ClaimFlow(this);
        }

        @Override
        public String toString() {
            return "ClaimFlow.Builder[clientId=" + settings.clientId + ", clientSecret="
                    + (settings.clientSecret == null ? "none" : "***") + ", redirectUri=" + redirectUri + "]";
        }
    }
}
