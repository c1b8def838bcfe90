package dev.pdpkit.emulator;

import dev.pdpkit.emulator.api.ApiException;
import dev.pdpkit.emulator.api.Model.ServiceToken;
import dev.pdpkit.emulator.api.OAuthBackend;
import dev.pdpkit.emulator.api.OAuthPrincipal;
import dev.pdpkit.emulator.api.Principal;
import dev.pdpkit.emulator.api.Store;
import java.util.Optional;

/**
 * Turns an {@code Authorization} header into the caller: a service token of the store, or an OAuth access token
 * the backend verifies, which must carry {@code workspace:admin} as the service requires.
 */
final class ApiAuthenticator {
    static final String SCOPE_WORKSPACE_ADMIN = "workspace:admin";

    private final Store store;
    private final OAuthBackend oauth;

    ApiAuthenticator(Store store, OAuthBackend oauth) {
        this.store = store;
        this.oauth = oauth;
    }

    /**
     * @return the caller
     * @throws ApiException 401 for a missing, malformed or unknown credential, 403 for a token without the scope
     */
    Principal authenticate(String header) {
        String token = bearer(header);
        synchronized (store) {
            ServiceToken st = store.serviceTokenByValue(token);
            if (st != null) {
                if (st.expiresAt != null && !store.now().isBefore(st.expiresAt)) {
                    throw invalidToken("The service token has expired.");
                }
                if (!store.workspaces.containsKey(st.workspaceId)) {
                    throw invalidToken("The service token's workspace no longer exists.");
                }
                return new Principal(Principal.SERVICE_TOKEN, st.workspaceId, st.id, st.name, null, null);
            }
        }
        Optional<OAuthPrincipal> grant = oauth.verifyAccessToken(token);
        if (grant.isEmpty()) {
            throw invalidToken("The token is invalid, expired or revoked.");
        }
        OAuthPrincipal g = grant.get();
        synchronized (store) {
            if (!store.workspaces.containsKey(g.workspaceId())) {
                throw invalidToken("The access token is bound to an unknown workspace.");
            }
        }
        if (g.scopes() != null && !g.scopes().contains(SCOPE_WORKSPACE_ADMIN)) {
            throw new ApiException(403, "insufficient_scope", "The access token was not granted the \""
                    + SCOPE_WORKSPACE_ADMIN + "\" scope.", "Ask for the scope \"" + SCOPE_WORKSPACE_ADMIN
                    + "\" when the user authorizes the application.", false)
                    .withHeader("WWW-Authenticate", "Bearer realm=\"prisma\", error=\"insufficient_scope\", scope=\""
                            + SCOPE_WORKSPACE_ADMIN + "\"");
        }
        String clientName = oauth.activeGrant(g.grantId()).map(OAuthBackend.Grant::clientName).orElse(g.clientId());
        return new Principal(Principal.OAUTH, g.workspaceId(), g.grantId(), clientName, g.userId(), g.clientId());
    }

    private static String bearer(String header) {
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("unauthorized", "Missing Authorization header.")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"prisma\"");
        }
        String h = header.trim();
        String token = h.length() > 7 ? h.substring(7).trim() : "";
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7) || token.isEmpty() || token.contains(" ")) {
            throw ApiException.unauthorized("unauthorized",
                            "Malformed Authorization header: expected \"Bearer <token>\".")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"prisma\", error=\"invalid_request\"");
        }
        return token;
    }

    private static ApiException invalidToken(String message) {
        return ApiException.unauthorized("unauthorized", message)
                .withHeader("WWW-Authenticate", "Bearer realm=\"prisma\", error=\"invalid_token\"");
    }
}
