package dev.pdpkit.emulator.auth;

import java.time.Instant;
import java.util.Set;

/**
 * What a valid access token entitles its bearer to: the result of {@link AuthServer#verifyAccessToken(String)}.
 *
 * @param grantId the authorization (token family) the token belongs to
 * @param clientId the application the token was issued to
 * @param userId the user who approved the application
 * @param workspaceId the workspace the user chose
 * @param scopes the granted scopes
 * @param expiresAt when the token stops being accepted
 */
public record AccessGrant(String grantId, String clientId, String userId, String workspaceId, Set<String> scopes,
                          Instant expiresAt) {
    /**
     * Copies the scopes.
     *
     * @param grantId the authorization (token family) the token belongs to
     * @param clientId the application the token was issued to
     * @param userId the user who approved the application
     * @param workspaceId the workspace the user chose
     * @param scopes the granted scopes
     * @param expiresAt when the token stops being accepted
     */
    public AccessGrant {
        scopes = Set.copyOf(scopes);
    }
}
