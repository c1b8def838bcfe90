package dev.pdpkit.oauth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.oauth.OAuthTokens;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of {@link OAuthTokens} used by the file store. Versioned so a later format can be told apart:
 * {@code {"version":1,"access_token":..,"refresh_token":..,"expires_at":"2026-01-01T00:00:00Z",
 * "workspace_id":..,"scopes":[..],"issued_at":..}}; {@code issued_at} is optional, so files written before it
 * existed still read.
 */
public final class TokenJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int VERSION = 1;

    private TokenJson() {
    }

    /**
     * @param tokens the value
     * @return UTF-8 JSON bytes
     */
    public static byte[] write(OAuthTokens tokens) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("access_token", tokens.accessToken());
        tokens.refreshToken().ifPresent(rt -> root.put("refresh_token", rt));
        tokens.expiresAt().ifPresent(e -> root.put("expires_at", e.toString()));
        tokens.workspaceId().ifPresent(w -> root.put("workspace_id", w));
        tokens.issuedAt().ifPresent(i -> root.put("issued_at", i.toString()));
        ArrayNode scopes = root.putArray("scopes");
        tokens.scopes().forEach(scopes::add);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise tokens", e);
        }
    }

    /**
     * @param bytes the file content
     * @return the value
     * @throws IllegalArgumentException with a message free of secrets if the content is not a valid version-1 document
     */
    public static OAuthTokens read(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            // The parser's message can quote file content, which may be a token: do not pass it on.
            throw new IllegalArgumentException("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new IllegalArgumentException("unsupported format version");
        }
        String access = text(root, "access_token", true);
        String refresh = text(root, "refresh_token", false);
        String expires = text(root, "expires_at", false);
        String workspace = text(root, "workspace_id", false);
        String issued = text(root, "issued_at", false);
        List<String> scopes = new ArrayList<>();
        JsonNode scopeNode = root.get("scopes");
        if (scopeNode != null && !scopeNode.isNull()) {
            if (!scopeNode.isArray()) {
                throw new IllegalArgumentException("scopes must be an array");
            }
            for (JsonNode s : scopeNode) {
                if (!s.isTextual()) {
                    throw new IllegalArgumentException("scopes must be strings");
                }
                scopes.add(s.asText());
            }
        }
        Instant expiresAt;
        Instant issuedAt;
        try {
            expiresAt = expires == null ? null : Instant.parse(expires);
            issuedAt = issued == null ? null : Instant.parse(issued);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expires_at or issued_at is not an ISO-8601 instant");
        }
        if (access.isEmpty() || (refresh != null && refresh.isEmpty())) {
            throw new IllegalArgumentException("empty token");
        }
        return OAuthTokens.of(access, refresh, expiresAt, workspace, scopes).withIssuedAt(issuedAt);
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.asText();
    }
}
