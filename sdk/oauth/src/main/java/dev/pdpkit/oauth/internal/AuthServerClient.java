package dev.pdpkit.oauth.internal;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.pdpkit.oauth.AuthServerUnavailableException;
import dev.pdpkit.oauth.ClientAuthMethod;
import dev.pdpkit.oauth.OAuthException;
import dev.pdpkit.oauth.TokenRequestException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the authorization server through Nimbus, over the application's OkHttp client: discovery, code exchange,
 * refresh, revocation. Knows nothing about stores or locking. Thread-safe.
 */
public final class AuthServerClient {
    private static final Logger LOG = LoggerFactory.getLogger(AuthServerClient.class);
    private static final String WELL_KNOWN = "/.well-known/oauth-authorization-server";

    /**
     * Resolved endpoints. {@code revocation} may be null; {@code issuerParameterRequired} is true when the server
     * advertises {@code authorization_response_iss_parameter_supported} or the application said so.
     */
    public record Endpoints(String issuer, URI authorization, URI token, URI revocation,
                            boolean issuerParameterRequired) {
    }

    /** A successful token response. {@code refreshToken}, {@code expiresInSeconds} and {@code scope} may be null. */
    public record TokenResult(String accessToken, String refreshToken, Long expiresInSeconds, String scope) {
        @Override
        public String toString() {
            return "TokenResult[***]";
        }
    }

    private final OkHttpSender tokenSender;
    private final OkHttpSender revocationSender;
    private final String issuer;
    private final boolean discover;
    private final Endpoints configured;
    private final ClientID clientId;
    private final ClientAuthentication clientAuth;
    private volatile Endpoints discovered;

    /**
     * @param http the application's client
     * @param issuer the issuer identifier
     * @param discover whether to read endpoints from the discovery document
     * @param configured the endpoints to use without discovery (and overrides where not null)
     * @param clientId the client id
     * @param clientSecret the secret, or null for a public client
     * @param method how a confidential client authenticates
     * @param revocationTimeout the overall deadline of one revocation request
     */
    public AuthServerClient(OkHttpClient http, String issuer, boolean discover, Endpoints configured, String clientId,
                            String clientSecret, ClientAuthMethod method, Duration revocationTimeout) {
        // Never let OkHttp silently resend a token request: a repeated refresh would present a rotated refresh token
        // and make the server revoke the whole authorization. newBuilder() keeps the pool, dispatcher and
        // interceptors of the application's client.
        OkHttpClient tokenHttp = http.newBuilder().retryOnConnectionFailure(false).followRedirects(false).build();
        this.tokenSender = new OkHttpSender(tokenHttp);
        // Logout must answer even when the server hangs: revocation gets its own overall deadline.
        this.revocationSender = new OkHttpSender(tokenHttp.newBuilder().callTimeout(revocationTimeout).build());
        this.issuer = issuer;
        this.discover = discover;
        this.configured = configured;
        this.clientId = new ClientID(clientId);
        if (clientSecret == null) {
            this.clientAuth = null;
        } else if (method == ClientAuthMethod.CLIENT_SECRET_POST) {
            this.clientAuth = new ClientSecretPost(this.clientId, new Secret(clientSecret));
        } else {
            this.clientAuth = new ClientSecretBasic(this.clientId, new Secret(clientSecret));
        }
    }

    /**
     * @return the endpoints, fetching the discovery document on first use when discovery is on
     * @throws AuthServerUnavailableException if discovery is on and the document cannot be fetched
     * @throws OAuthException if the document is invalid or names another issuer
     */
    public Endpoints endpoints() {
        if (!discover) {
            return configured;
        }
        Endpoints e = discovered;
        if (e == null) {
            e = fetchDiscovery();
            discovered = e; // a benign race: concurrent first calls may both fetch
        }
        return e;
    }

    private Endpoints fetchDiscovery() {
        URI base = URI.create(issuer);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        URI url = URI.create(base.getScheme() + "://" + base.getRawAuthority() + WELL_KNOWN
                + (path.equals("/") ? "" : path));
        HTTPResponse response = send(new HTTPRequest(HTTPRequest.Method.GET, url), tokenSender, "discovery");
        if (response.getStatusCode() != 200) {
            throw new OAuthException("discovery document request answered HTTP " + response.getStatusCode());
        }
        AuthorizationServerMetadata meta;
        try {
            meta = AuthorizationServerMetadata.parse(response.getBodyAsJSONObject());
        } catch (ParseException e) {
            throw new OAuthException("invalid discovery document", e);
        }
        if (!issuer.equals(meta.getIssuer().getValue())) {
            // RFC 8414 section 3.3: the document must be about the issuer we asked.
            throw new OAuthException("discovery document names issuer " + meta.getIssuer().getValue()
                    + " instead of " + issuer);
        }
        if (meta.getTokenEndpointURI() == null || meta.getAuthorizationEndpointURI() == null) {
            throw new OAuthException("discovery document lacks the authorization or token endpoint");
        }
        Endpoints found = new Endpoints(issuer,
                configured.authorization() != null ? configured.authorization() : meta.getAuthorizationEndpointURI(),
                configured.token() != null ? configured.token() : meta.getTokenEndpointURI(),
                configured.revocation() != null ? configured.revocation() : meta.getRevocationEndpointURI(),
                configured.issuerParameterRequired() || meta.supportsAuthorizationResponseIssuerParam());
        try {
            requireSecure(found);
        } catch (IllegalArgumentException e) {
            throw new OAuthException("discovery document: " + e.getMessage());
        }
        return found;
    }

    /**
     * @param endpoints endpoints to check
     * @throws IllegalArgumentException if one is plain http on a non-loopback host
     */
    public static void requireSecure(Endpoints endpoints) {
        SecureEndpoints.require(URI.create(endpoints.issuer()), "issuer");
        SecureEndpoints.require(endpoints.authorization(), "authorization endpoint");
        SecureEndpoints.require(endpoints.token(), "token endpoint");
        SecureEndpoints.require(endpoints.revocation(), "revocation endpoint");
    }

    /**
     * Exchanges an authorization code.
     *
     * @param code the code
     * @param redirectUri the redirect URI of the authorization request
     * @param codeVerifier the PKCE verifier, or null
     * @return the tokens
     */
    public TokenResult exchangeCode(String code, URI redirectUri, String codeVerifier) {
        AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                codeVerifier == null ? null : new CodeVerifier(codeVerifier));
        return tokenRequest(grant, "authorization code exchange");
    }

    /**
     * Redeems a refresh token.
     *
     * @param refreshToken the refresh token
     * @return the tokens
     */
    public TokenResult refresh(String refreshToken) {
        return tokenRequest(new RefreshTokenGrant(new RefreshToken(refreshToken)), "refresh");
    }

    private TokenResult tokenRequest(AuthorizationGrant grant, String what) {
        URI tokenEndpoint = endpoints().token();
        TokenRequest request = clientAuth != null
                ? new TokenRequest.Builder(tokenEndpoint, clientAuth, grant).build()
                : new TokenRequest.Builder(tokenEndpoint, clientId, grant).build();
        HTTPResponse response = send(request.toHTTPRequest(), tokenSender, what);
        int status = response.getStatusCode();
        if (status >= 500) {
            throw new AuthServerUnavailableException(what + " failed: token endpoint answered HTTP " + status, status,
                    null);
        }
        if (status >= 200 && status < 300) {
            try {
                TokenResponse parsed = TokenResponse.parse(response);
                if (!parsed.indicatesSuccess()) {
                    throw new OAuthException(what + ": malformed token response");
                }
                Tokens tokens = ((AccessTokenResponse) parsed).getTokens();
                AccessToken access = tokens.getAccessToken();
                if (!(access instanceof BearerAccessToken)) {
                    throw new OAuthException(what + ": unsupported token type " + access.getType());
                }
                long lifetime = access.getLifetime();
                return new TokenResult(access.getValue(),
                        tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(),
                        lifetime > 0 ? lifetime : null,
                        access.getScope() == null ? null : access.getScope().toString());
            } catch (ParseException e) {
                // Nimbus's message names fields, not values; still, keep the cause out to be safe.
                throw new OAuthException(what + ": malformed token response");
            }
        }
        ErrorObject error = null;
        try {
            error = TokenErrorResponse.parse(response).getErrorObject();
        } catch (ParseException e) {
            LOG.debug("token error response without an OAuth error body (HTTP {})", status);
        }
        throw new TokenRequestException(status, error == null ? null : error.getCode(),
                error == null ? null : error.getDescription());
    }

    /**
     * Revokes a token at the RFC 7009 endpoint. Revoking a refresh token ends its whole authorization at servers that
     * follow RFC 7009 section 2.1 (the emulator does); revoking an access token ends that token only.
     *
     * @param token the token
     * @param refreshToken true for a refresh token, false for an access token (sent as {@code token_type_hint})
     * @throws IllegalStateException if no revocation endpoint is known
     * @throws AuthServerUnavailableException if the endpoint cannot be reached, times out or answers 5xx
     * @throws TokenRequestException if it answers another status than 200
     */
    public void revoke(String token, boolean refreshToken) {
        URI endpoint = endpoints().revocation();
        if (endpoint == null) {
            throw new IllegalStateException("no revocation endpoint");
        }
        com.nimbusds.oauth2.sdk.token.Token t = refreshToken ? new RefreshToken(token) : new BearerAccessToken(token);
        TokenRevocationRequest request = clientAuth != null
                ? new TokenRevocationRequest(endpoint, clientAuth, t)
                : new TokenRevocationRequest(endpoint, clientId, t);
        HTTPResponse response = send(request.toHTTPRequest(), revocationSender, "revocation");
        int status = response.getStatusCode();
        if (status >= 500) {
            throw new AuthServerUnavailableException("revocation failed: the endpoint answered HTTP " + status,
                    status, null);
        }
        if (status != 200) {
            ErrorObject error = null;
            try {
                error = TokenErrorResponse.parse(response).getErrorObject();
            } catch (ParseException e) {
                LOG.debug("revocation error response without an OAuth error body (HTTP {})", status);
            }
            throw new TokenRequestException(status, error == null ? null : error.getCode(), null);
        }
    }

    private static HTTPResponse send(HTTPRequest request, OkHttpSender sender, String what) {
        try {
            return request.send(sender);
        } catch (IOException e) {
            throw new AuthServerUnavailableException(what + " failed: " + e.getClass().getSimpleName()
                    + " talking to " + request.getURI().getHost(), -1, e);
        }
    }

    /** @return the configured issuer */
    public String issuer() {
        return issuer;
    }

    /** @return the client id */
    public String clientId() {
        return clientId.getValue();
    }

    @Override
    public String toString() {
        return "AuthServerClient[issuer=" + issuer + ", clientId=" + clientId + ", confidential="
                + (clientAuth != null) + "]";
    }

}
