package dev.pdpkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pdpkit.emulator.api.ApiException;
import dev.pdpkit.emulator.api.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a JSON request body as strictly as the service: UTF-8 only (a declared charset must say so), valid UTF-8,
 * exactly one JSON object and nothing after it.
 */
final class RequestBodies {
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBodies() {
    }

    /**
     * @param contentType the Content-Type header, or null
     * @param raw the body bytes
     * @return the body as text
     * @throws ApiException 400 for another charset or bytes that are not UTF-8
     */
    static String text(String contentType, byte[] raw) {
        String charset = charset(contentType);
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8") || charsetCount(contentType) > 1) {
            throw new ApiException(400, "unsupported_charset", "The request body must be UTF-8; the Content-Type"
                    + " declares another charset.", "Send \"Content-Type: application/json\".", true);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid_encoding", "The request body is not valid UTF-8.", null, true);
        }
    }

    private static int charsetCount(String contentType) {
        int n = 0;
        for (String param : contentType == null ? new String[0] : contentType.split(";")) {
            if (param.strip().regionMatches(true, 0, "charset", 0, 7)) {
                n++;
            }
        }
        return n;
    }

    /** @return the charset parameter in lower case (quotes removed), or null when there is none */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String v = p.substring(8).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * @return the body as a JSON object; an empty body or {@code null} is an empty object
     * @throws ApiException 400 for invalid JSON, trailing content, or another JSON type
     */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "The request body is not valid JSON (or has content after"
                    + " the JSON value).", null, true);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Json.object();
        }
        if (!node.isObject()) {
            throw new ApiException(400, "validation_error", "The request body must be a JSON object.", null, true);
        }
        return node;
    }
}
