package dev.pdpkit.emulator.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the Management API half needs from the authorization server: token verification, and the authorizations
 * ("integrations") it has issued per workspace, which {@code /v1/integrations} lists and revokes.
 */
public interface OAuthBackend extends TokenVerifier {

    /**
     * An authorization a user gave an OAuth application for one workspace.
     *
     * @param grantId the id of the authorization
     * @param clientId the OAuth application
     * @param clientName the application's name
     * @param clientCreatedAt when the application was registered
     * @param userId the user who approved the application
     * @param workspaceId the workspace the user chose
     * @param scopes the granted scopes
     * @param createdAt when the authorization was given
     */
    record Grant(String grantId, String clientId, String clientName, Instant clientCreatedAt, String userId,
                 String workspaceId, Set<String> scopes, Instant createdAt) {
        /**
         * Copies the scopes.
         *
         * @param grantId the id of the authorization
         * @param clientId the OAuth application
         * @param clientName the application's name
         * @param clientCreatedAt when the application was registered
         * @param userId the user who approved the application
         * @param workspaceId the workspace the user chose
         * @param scopes the granted scopes
         * @param createdAt when the authorization was given
         */
        public Grant {
            scopes = Set.copyOf(scopes);
        }
    }

    /**
     * A user known to the authorization server.
     *
     * @param id the user's id
     * @param email the user's e-mail address
     * @param name the user's display name
     */
    record User(String id, String email, String name) {
    }

    /**
     * @param workspaceId the workspace
     * @return the authorizations of the workspace that are not revoked, oldest first
     */
    List<Grant> activeGrants(String workspaceId);

    /**
     * @param grantId the authorization's id
     * @return the authorization, if it exists and is not revoked
     */
    Optional<Grant> activeGrant(String grantId);

    /**
     * Revokes one authorization and every token issued from it.
     *
     * @param grantId the authorization's id
     * @return false if it was unknown or already revoked
     */
    boolean revokeGrant(String grantId);

    /**
     * Revokes every authorization of {@code clientId} in the workspace.
     *
     * @param workspaceId the workspace
     * @param clientId the OAuth application
     * @return how many were revoked
     */
    int revokeClient(String workspaceId, String clientId);

    /**
     * @param userId the user's id
     * @return the user, if known
     */
    Optional<User> user(String userId);

    /**
     * A backend that knows no token: every OAuth token is rejected and no integration exists.
     *
     * @return a backend that rejects every OAuth token
     */
    static OAuthBackend none() {
        return new OAuthBackend() {
            @Override
            public Optional<OAuthPrincipal> verifyAccessToken(String accessToken) {
                return Optional.empty();
            }

            @Override
            public List<Grant> activeGrants(String workspaceId) {
                return List.of();
            }

            @Override
            public Optional<Grant> activeGrant(String grantId) {
                return Optional.empty();
            }

            @Override
            public boolean revokeGrant(String grantId) {
                return false;
            }

            @Override
            public int revokeClient(String workspaceId, String clientId) {
                return 0;
            }

            @Override
            public Optional<User> user(String userId) {
                return Optional.empty();
            }
        };
    }
}
