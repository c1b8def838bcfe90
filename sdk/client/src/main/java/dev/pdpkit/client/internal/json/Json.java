package dev.pdpkit.client.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pdpkit.client.errors.PrismaDecodeException;

/** The SDK's single Jackson configuration. Only trees are read and written; no reflection-based binding. */
public final class Json {
    /** Shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Node factory that keeps decimals exact. */
    // The non-deprecated replacement (JsonNodeFactory + JsonNodeFeature) is missing from Jackson 2.13, our floor.
    @SuppressWarnings("deprecation")
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {
    }

    /**
     * Parses JSON text into a tree.
     *
     * @param text the JSON text
     * @param statusCode the HTTP status the text came with, for the error
     * @return the tree
     * @throws PrismaDecodeException if the text is not JSON; the message never repeats the text
     */
    public static JsonNode parse(String text, int statusCode) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new PrismaDecodeException(statusCode, "response body is empty, expected JSON", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending input, which may be a secret; keep only the position.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new PrismaDecodeException(statusCode, "response body is not valid JSON" + where, null);
        }
    }

    /**
     * Serialises a tree to compact JSON text.
     *
     * @param node the tree
     * @return JSON text
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
