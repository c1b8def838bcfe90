package dev.pdpkit.oauth.internal;

import dev.pdpkit.oauth.ClientAuthMethod;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The settings {@code PrismaOAuth.Builder} and {@code ClaimFlow.Builder} share: client id and secret, client
 * authentication, redirect URI, issuer, discovery, endpoint overrides, OkHttp client, clock and scopes. Both builders
 * keep one of these and delegate their setters to it, so a setting is defined once. Not thread-safe.
 */
public final class OAuthSettings {
    /** The issuer of Prisma's authorization server. */
    public static final String DEFAULT_ISSUER = "https://auth.prisma.io";

    public String clientId;
    public String clientSecret;
    public ClientAuthMethod clientAuthMethod = ClientAuthMethod.CLIENT_SECRET_BASIC;
    public URI redirectUri;
    public String issuer = DEFAULT_ISSUER;
    public boolean discovery = true;
    public URI authorizationEndpoint;
    public URI tokenEndpoint;
    public OkHttpClient httpClient;
    public Clock clock = Clock.systemUTC();
    public List<String> scopes;

    /**
     * @param defaultScopes the scopes used unless set
     */
    public OAuthSettings(Collection<String> defaultScopes) {
        this.scopes = List.copyOf(defaultScopes);
    }

    /**
     * @param method how a confidential client authenticates
     */
    public void clientAuthMethod(ClientAuthMethod method) {
        this.clientAuthMethod = Objects.requireNonNull(method, "method");
    }

    /**
     * @param issuer the issuer
     */
    public void issuer(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /**
     * @param clock the clock
     */
    public void clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param scopes the scopes
     */
    public void scopes(Collection<String> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    /**
     * Checks what both builders require and that every OAuth endpoint is https unless on loopback.
     *
     * @throws IllegalStateException if the client id is missing, the secret is empty or an endpoint is plain http on
     *     a non-loopback host
     */
    public void validate() {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalStateException("clientId is required");
        }
        if (clientSecret != null && clientSecret.isEmpty()) {
            throw new IllegalStateException("clientSecret must be null or non-empty");
        }
        try {
            SecureEndpoints.require(URI.create(issuer), "issuer");
            SecureEndpoints.require(authorizationEndpoint, "authorization endpoint");
            SecureEndpoints.require(tokenEndpoint, "token endpoint");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "OAuthSettings[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "***")
                + ", issuer=" + issuer + "]";
    }
}
