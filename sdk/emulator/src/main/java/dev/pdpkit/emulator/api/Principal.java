package dev.pdpkit.emulator.api;

/**
 * Who is calling: the workspace a credential is bound to and what kind of credential it is.
 *
 * @param type {@code service_token} or {@code oauth}, as {@code /v1/me} reports it
 * @param workspaceId the only workspace the credential sees
 * @param credentialId the service token id, or the OAuth authorization (grant) id
 * @param credentialName the service token name, or the OAuth application's name
 * @param userId the user behind an OAuth token; null for service tokens
 * @param clientId the OAuth client; null for service tokens
 */
public record Principal(String type, String workspaceId, String credentialId, String credentialName, String userId,
                        String clientId) {
    /** The {@link #type()} of a caller authenticated with a service token. */
    public static final String SERVICE_TOKEN = "service_token";
    /** The {@link #type()} of a caller authenticated with an OAuth access token. */
    public static final String OAUTH = "oauth";
}
