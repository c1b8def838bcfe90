package dev.pdpkit.oauth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.pdpkit.oauth.OAuthException;
import dev.pdpkit.oauth.OAuthTokens;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The one place that turns a token response into {@link OAuthTokens}: expiry from {@code expires_in} counted from
 * when the request was sent (so it errs early), else the JWT's {@code exp}; workspace from the JWT's
 * {@code workspace_id} claim (else the response's {@code workspace_id} member, else the previous pair's); scopes from
 * {@code scope}, else the previous pair's, else the requested ones; a response without a refresh token keeps the
 * previous one (RFC 6749 section 6).
 */
public final class TokenResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TokenResponses() {
    }

    /**
     * @param result a parsed successful response
     * @param requestedAt when the request was sent
     * @param previous the pair it replaces, or null
     * @param requestedScopes the scopes asked for
     * @return the tokens
     */
    public static OAuthTokens toTokens(AuthServerClient.TokenResult result, Instant requestedAt, OAuthTokens previous,
                                       Collection<String> requestedScopes) {
        return build(result.accessToken(), result.refreshToken(), result.expiresInSeconds(), result.scope(), null,
                requestedAt, previous, requestedScopes);
    }

    /**
     * @param json the response body
     * @param requestedAt when the request was sent
     * @return the tokens
     * @throws OAuthException if it is not a successful bearer token response (the message quotes nothing from it)
     */
    public static OAuthTokens fromJson(String json, Instant requestedAt) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json == null ? "" : json);
        } catch (IOException e) {
            throw new OAuthException("the token response is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new OAuthException("the token response is not a JSON object");
        }
        return fromMap(MAPPER.convertValue(root, Map.class), requestedAt);
    }

    /**
     * @param response the response members
     * @param requestedAt when the request was sent
     * @return the tokens
     * @throws OAuthException if it is not a successful bearer token response
     */
    public static OAuthTokens fromMap(Map<String, ?> response, Instant requestedAt) {
        String access = string(response, "access_token");
        if (access == null || access.isEmpty()) {
            throw new OAuthException("the token response has no access_token");
        }
        String type = string(response, "token_type");
        if (type == null || !type.equalsIgnoreCase("bearer")) {
            throw new OAuthException("the token response is not a bearer token (token_type)");
        }
        String refresh = string(response, "refresh_token");
        Object expiresIn = response.get("expires_in");
        Long seconds = null;
        if (expiresIn instanceof Number) {
            seconds = ((Number) expiresIn).longValue();
        } else if (expiresIn instanceof String) {
            try {
                seconds = Long.parseLong(((String) expiresIn).trim());
            } catch (NumberFormatException e) {
                throw new OAuthException("the token response's expires_in is not a number");
            }
        }
        return build(access, refresh == null || refresh.isEmpty() ? null : refresh,
                seconds != null && seconds > 0 ? seconds : null, string(response, "scope"),
                string(response, "workspace_id"), requestedAt, null, java.util.List.of());
    }

    private static OAuthTokens build(String access, String refresh, Long expiresIn, String scope, String workspace,
                                     Instant requestedAt, OAuthTokens previous, Collection<String> requestedScopes) {
        JWTClaimsSet claims = Jwts.claims(access);
        Instant expiresAt = expiresIn != null ? requestedAt.plusSeconds(expiresIn) : Jwts.expiry(claims);
        String workspaceId = Jwts.workspaceId(claims);
        if (workspaceId == null) {
            workspaceId = workspace;
        }
        if (workspaceId == null && previous != null) {
            workspaceId = previous.workspaceId().orElse(null);
        }
        Collection<String> scopes;
        if (scope != null && !scope.isBlank()) {
            scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        } else if (previous != null) {
            scopes = previous.scopes();
        } else {
            scopes = requestedScopes;
        }
        String refreshToken = refresh;
        if (refreshToken == null && previous != null) {
            refreshToken = previous.refreshToken().orElse(null);
        }
        return OAuthTokens.of(access, refreshToken, expiresAt, workspaceId, scopes).withIssuedAt(requestedAt);
    }

    private static String string(Map<String, ?> response, String name) {
        Object v = response.get(name);
        return v instanceof String ? (String) v : null;
    }
}
