package dev.pdpkit.emulator.auth;

import dev.pdpkit.emulator.internal.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Client authentication of RFC 6749 section 2.3: HTTP Basic or form parameters, never both; a public client only
 * names itself with {@code client_id}.
 */
final class ClientAuthenticator {
    private final Map<String, RegisteredClient> clients;

    ClientAuthenticator(Map<String, RegisteredClient> clients) {
        this.clients = clients;
    }

    RegisteredClient authenticate(HttpRequest request, Map<String, String> form) throws OAuthError {
        String header = request.header("Authorization");
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic) {
            if (secret != null) {
                throw OAuthError.invalidRequest("use one client authentication method, not two");
            }
            String[] idAndSecret = basicCredentials(header.substring(6).strip());
            if (id != null && !id.equals(idAndSecret[0])) {
                throw OAuthError.invalidRequest("client_id does not match the Authorization header");
            }
            id = idAndSecret[0];
            secret = idAndSecret[1];
        }
        if (id == null) {
            throw OAuthError.invalidClient("client authentication required");
        }
        RegisteredClient client = clients.get(id);
        if (client == null) {
            throw basic ? basicFailure() : OAuthError.invalidClient("unknown client");
        }
        if (client.confidential()) {
            if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                    client.clientSecret().getBytes(StandardCharsets.UTF_8))) {
                throw basic ? basicFailure() : OAuthError.invalidClient("client authentication failed");
            }
        } else if (secret != null) {
            throw OAuthError.invalidClient("public client must not send a secret");
        }
        return client;
    }

    /** @return client id and secret from the Basic credentials, each form-urlencoded (RFC 6749 section 2.3.1) */
    private static String[] basicCredentials(String encoded) throws OAuthError {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw basicFailure();
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw basicFailure();
        }
    }

    private static OAuthError basicFailure() {
        return new OAuthError("invalid_client", "client authentication failed", 401, "Basic realm=\"token\"");
    }
}
