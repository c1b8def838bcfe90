package dev.pdpkit.emulator.auth;

import java.time.Instant;
import java.util.Set;

/**
 * One authorization a user gave an application: the family of every access and refresh token issued from one
 * authorization code. Revoking it invalidates all of them.
 *
 * @param grantId the id of the authorization
 * @param clientId the application
 * @param userId the user who approved
 * @param workspaceId the workspace chosen
 * @param scopes the granted scopes
 * @param createdAt when the code was exchanged
 * @param revoked whether the authorization has been revoked (by logout, by an administrator or by reuse detection)
 */
public record GrantInfo(String grantId, String clientId, String userId, String workspaceId, Set<String> scopes,
                        Instant createdAt, boolean revoked) {
    /**
     * Copies the scopes.
     *
     * @param grantId the id of the authorization
     * @param clientId the application
     * @param userId the user who approved
     * @param workspaceId the workspace chosen
     * @param scopes the granted scopes
     * @param createdAt when the code was exchanged
     * @param revoked whether the authorization has been revoked (by logout, by an administrator or by reuse detection)
     */
    public GrantInfo {
        scopes = Set.copyOf(scopes);
    }
}
