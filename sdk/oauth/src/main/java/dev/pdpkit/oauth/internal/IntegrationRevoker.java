package dev.pdpkit.oauth.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.Integration;
import dev.pdpkit.client.model.IntegrationListParams;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Ends a user's authorization the way Prisma documents it: with the user's own access token, list the integrations
 * of the token's workspace and delete ({@code DELETE /v1/integrations/{id}}) each one of this client id that the
 * same user created (the access token's {@code sub}; every one of the client when the token has no {@code sub}).
 */
public final class IntegrationRevoker {
    private final OkHttpClient http;
    private final String apiUrl;
    private final Duration timeout;

    /**
     * @param http the OkHttp client whose pool the calls use
     * @param apiUrl the Management API base URL, or null for the client's default
     * @param timeout the budget of each API call
     */
    public IntegrationRevoker(OkHttpClient http, String apiUrl, Duration timeout) {
        this.http = http;
        this.apiUrl = apiUrl;
        this.timeout = timeout;
    }

    /**
     * @param accessToken a valid access token of the user
     * @param clientId this application's client id
     * @param workspaceId the workspace the token is for
     * @return how many integrations were deleted
     * @throws dev.pdpkit.client.errors.PrismaException if a call fails
     */
    public int revoke(String accessToken, String clientId, String workspaceId) {
        JWTClaimsSet claims = Jwts.claims(accessToken);
        String userId = claims == null ? null : claims.getSubject();
        PrismaManagement.Builder builder = PrismaManagement.builder().serviceToken(accessToken)
                .transport(OkHttpTransport.of(http)).timeout(timeout);
        if (apiUrl != null) {
            builder.baseUrl(apiUrl);
        }
        try (PrismaManagement api = builder.build()) {
            List<String> ids = new ArrayList<>();
            for (Integration i : api.integrations().list(IntegrationListParams.builder().workspaceId(workspaceId)
                    .build()).autoPager()) {
                if (clientId.equals(i.client().id()) && (userId == null || userId.equals(i.createdByUser().id()))) {
                    ids.add(i.id());
                }
            }
            for (String id : ids) {
                api.integrations().delete(id);
            }
            return ids.size();
        }
    }
}
