package dev.pdpkit.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One token pair as a {@link TokenStore} keeps it: access token, optional refresh token, expiry, workspace id and
 * granted scopes. Immutable; {@link #toString()} never shows a token.
 */
public final class OAuthTokens {
    private final String accessToken;
    private final String refreshToken;
    private final Instant expiresAt;
    private final String workspaceId;
    private final Set<String> scopes;

    private OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String workspaceId,
                        Collection<String> scopes) {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new IllegalArgumentException("access token must not be empty");
        }
        if (refreshToken != null && refreshToken.isEmpty()) {
            throw new IllegalArgumentException("refresh token must be null or non-empty");
        }
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.expiresAt = expiresAt;
        this.workspaceId = workspaceId;
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes == null ? Set.of() : scopes));
    }

    /**
     * @param accessToken the access token, non-empty
     * @param refreshToken the refresh token, or null when none was granted
     * @param expiresAt when the access token expires, or null if unknown
     * @param workspaceId the workspace the authorization is for, or null if unknown
     * @param scopes the granted scopes
     * @return the value
     * @throws IllegalArgumentException if the access token is empty
     */
    public static OAuthTokens of(String accessToken, String refreshToken, Instant expiresAt, String workspaceId,
                                 Collection<String> scopes) {
        return new OAuthTokens(accessToken, refreshToken, expiresAt, workspaceId, scopes);
    }

    /** @return the access token */
    public String accessToken() {
        return accessToken;
    }

    /** @return the refresh token, absent when {@code offline_access} was not granted */
    public Optional<String> refreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    /** @return when the access token expires, absent if the server did not say */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** @return the workspace id from the access token's {@code workspace_id} claim, if known */
    public Optional<String> workspaceId() {
        return Optional.ofNullable(workspaceId);
    }

    /** @return the granted scopes, in the server's order */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * @param now the current time
     * @param margin how long before expiry a token already counts as expiring
     * @return true if the expiry is known and {@code now + margin} has reached it
     */
    public boolean expiresWithin(Instant now, Duration margin) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    /**
     * Tells whether two values hold the same token pair. This is the comparison
     * {@link TokenStore#clearIfCurrent(OAuthTokens)} uses: a pair is identified by its tokens, not by metadata.
     *
     * @param other another value
     * @return true if access and refresh tokens are equal
     */
    public boolean samePair(OAuthTokens other) {
        return other != null && accessToken.equals(other.accessToken)
                && Objects.equals(refreshToken, other.refreshToken);
    }

    /**
     * @param newRefreshToken the refresh token to keep with this access token
     * @return a copy with another refresh token
     */
    OAuthTokens withRefreshToken(String newRefreshToken) {
        return new OAuthTokens(accessToken, newRefreshToken, expiresAt, workspaceId, scopes);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OAuthTokens)) {
            return false;
        }
        OAuthTokens t = (OAuthTokens) o;
        return accessToken.equals(t.accessToken) && Objects.equals(refreshToken, t.refreshToken)
                && Objects.equals(expiresAt, t.expiresAt) && Objects.equals(workspaceId, t.workspaceId)
                && scopes.equals(t.scopes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessToken, refreshToken, expiresAt, workspaceId, scopes);
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=***, refreshToken=" + (refreshToken == null ? "none" : "***")
                + ", expiresAt=" + expiresAt + ", workspaceId=" + workspaceId + ", scopes=" + scopes + "]";
    }
}
