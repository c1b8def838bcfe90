package dev.pdpkit.client.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.internal.json.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets in bodies before they are logged: every member the spec marks {@code x-secret} (matched by name, so
 * a same-named harmless member is masked too: over-masking is the safe side), and, as a second net, any string that
 * looks like a credential-bearing URL or a JWT.
 */
public final class Redactor {
    /**
     * Names masked in logged bodies, lower-cased: every {@code x-secret} member of the spec (generated, so a secret
     * the spec gains is masked at once) and the OAuth token members a body could echo.
     */
    static final Set<String> SECRET_MEMBERS = secretMembers();

    private static Set<String> secretMembers() {
        java.util.Set<String> names = new java.util.HashSet<>();
        dev.pdpkit.client.internal.codec.SecretMembers.NAMES.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        names.addAll(Set.of("access_token", "refresh_token", "id_token", "client_secret", "code_verifier",
                "accesstoken", "refreshtoken", "token", "password"));
        return Set.copyOf(names);
    }

    private static final Pattern CREDENTIAL_URL = Pattern.compile("^[a-z][a-z0-9+.-]*://[^/@\\s]+@.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern API_KEY_URL = Pattern.compile(".*[?&]api_key=.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern JWT = Pattern.compile("^eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");

    private Redactor() {
    }

    /**
     * @param body JSON text, or null
     * @return the text with secrets masked; a body that is not JSON is replaced by its length
     */
    public static String maskBody(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            return Json.write(mask(Json.parse(body, 0)));
        } catch (RuntimeException e) {
            return "<" + body.length + " bytes, not JSON>";
        }
    }

    /**
     * @param node a JSON tree
     * @return a masked copy
     */
    public static JsonNode mask(JsonNode node) {
        JsonNode copy = node.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode obj = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (SECRET_MEMBERS.contains(e.getKey().toLowerCase(Locale.ROOT)) && !v.isNull()) {
                    e.setValue(Json.NODES.textNode("***"));
                } else if (v.isTextual() && looksSecret(v.asText())) {
                    e.setValue(Json.NODES.textNode("***"));
                } else {
                    maskInPlace(v);
                }
            }
        } else if (node instanceof ArrayNode) {
            ArrayNode arr = (ArrayNode) node;
            for (int i = 0; i < arr.size(); i++) {
                if (arr.get(i).isTextual() && looksSecret(arr.get(i).asText())) {
                    arr.set(i, Json.NODES.textNode("***"));
                } else {
                    maskInPlace(arr.get(i));
                }
            }
        }
    }

    /**
     * @param s a string value
     * @return true when it looks like a URL with credentials, a URL with an api_key, or a JWT
     */
    public static boolean looksSecret(String s) {
        return CREDENTIAL_URL.matcher(s).matches() || API_KEY_URL.matcher(s).matches() || JWT.matcher(s).matches();
    }
}
