package dev.pdpkit.emulator.api;

import java.time.Instant;
import java.util.Set;

/**
 * What a valid OAuth access token stands for.
 *
 * @param grantId the authorization the token belongs to; it is the integration id the API shows
 * @param clientId the OAuth application
 * @param userId the user who approved the application
 * @param workspaceId the workspace the user chose; the token sees only this workspace
 * @param scopes granted scopes
 * @param expiresAt expiry of the access token
 */
public record OAuthPrincipal(String grantId, String clientId, String userId, String workspaceId, Set<String> scopes,
                             Instant expiresAt) {
    /**
     * Copies the scopes.
     *
     * @param grantId the authorization the token belongs to; it is the integration id the API shows
     * @param clientId the OAuth application
     * @param userId the user who approved the application
     * @param workspaceId the workspace the user chose; the token sees only this workspace
     * @param scopes granted scopes
     * @param expiresAt expiry of the access token
     */
    public OAuthPrincipal {
        scopes = Set.copyOf(scopes);
    }
}
