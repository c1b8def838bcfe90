package dev.pdpkit.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import dev.pdpkit.oauth.internal.TokenResponses;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
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
    private final Instant issuedAt;

    private OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String workspaceId,
                        Collection<String> scopes, Instant issuedAt) {
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
        this.issuedAt = issuedAt;
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
        return new OAuthTokens(accessToken, refreshToken, expiresAt, workspaceId, scopes, null);
    }

    /**
     * Builds tokens from a token endpoint's JSON response obtained elsewhere (for example by your own backend), with
     * the rules the SDK applies to its own responses: expiry from {@code expires_in} counted from {@code requestedAt}
     * (so it errs early), else from the access token's JWT {@code exp}; workspace from the JWT's
     * {@code workspace_id} claim, else a {@code workspace_id} member; scopes from {@code scope}.
     *
     * @param json the response body, for example {@code {"access_token":"..","token_type":"Bearer","expires_in":3600,
     *     "refresh_token":"..","scope":"workspace:admin offline_access"}}
     * @param requestedAt when the token request was sent
     * @return the tokens, ready for {@link TokenStore#save}
     * @throws OAuthException if the body is not a successful bearer token response; the message quotes none of it
     */
    public static OAuthTokens fromTokenResponse(String json, Instant requestedAt) {
        return TokenResponses.fromJson(json, Objects.requireNonNull(requestedAt, "requestedAt"));
    }

    /**
     * Like {@link #fromTokenResponse(String, Instant)} for a response already parsed into a map (string and number
     * values as JSON has them).
     *
     * @param response the response members
     * @param requestedAt when the token request was sent
     * @return the tokens
     * @throws OAuthException if it is not a successful bearer token response
     */
    public static OAuthTokens fromTokenResponse(Map<String, ?> response, Instant requestedAt) {
        return TokenResponses.fromMap(Objects.requireNonNull(response, "response"),
                Objects.requireNonNull(requestedAt, "requestedAt"));
    }

    /**
     * @param issuedAt when the token request that produced this pair was sent, or null
     * @return a copy that knows when it was issued, so the refresh margin can adapt to the token's lifetime
     */
    public OAuthTokens withIssuedAt(Instant issuedAt) {
        return new OAuthTokens(accessToken, refreshToken, expiresAt, workspaceId, scopes, issuedAt);
    }

    /** @return when the pair was obtained (the token request was sent), if known */
    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
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
        return new OAuthTokens(accessToken, newRefreshToken, expiresAt, workspaceId, scopes, issuedAt);
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
                && scopes.equals(t.scopes) && Objects.equals(issuedAt, t.issuedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessToken, refreshToken, expiresAt, workspaceId, scopes, issuedAt);
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=***, refreshToken=" + (refreshToken == null ? "none" : "***")
                + ", expiresAt=" + expiresAt + ", workspaceId=" + workspaceId + ", scopes=" + scopes + "]";
    }
}
