package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** JSON helpers shared by the handlers. */
public final class Json {
    /** The shared object mapper of the emulator's handlers. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    /** @return a new empty JSON object */
    public static ObjectNode object() {
        return F.objectNode();
    }

    /** @return a new empty JSON array */
    public static ArrayNode array() {
        return F.arrayNode();
    }

    /**
     * ISO-8601 in UTC with at most millisecond precision, as the service sends it.
     *
     * @param instant the time
     * @return the ISO-8601 text
     */
    public static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * Builds the documented error body {@code {"error":{"code","message","hint"}}}.
     *
     * @param code the {@code error.code}
     * @param message the {@code error.message}, or null to repeat the code
     * @param hint the {@code error.hint}, or null to leave it out
     * @return the body
     */
    public static ObjectNode error(String code, String message, String hint) {
        ObjectNode body = object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message == null ? code : message);
        if (hint != null) {
            error.put("hint", hint);
        }
        return body;
    }

    /**
     * Wraps a value as {@code {"data": ...}}.
     *
     * @param data the value
     * @return the body
     */
    public static ObjectNode data(JsonNode data) {
        ObjectNode body = object();
        body.set("data", data);
        return body;
    }

    /**
     * Serializes a JSON value.
     *
     * @param node the value
     * @return its UTF-8 JSON bytes
     * @throws IllegalStateException if it cannot be serialized
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the parsed value
     * @throws JsonProcessingException if the text is not valid JSON
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /**
     * The text of a string field, or null when the field is absent or JSON null.
     *
     * @param node the object, or null
     * @param field the field name
     * @return the text, or null
     */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * Tells whether an object has a field, even a JSON null one.
     *
     * @param node the object, or null
     * @param field the field name
     * @return true if {@code node} is not null and has the field
     */
    public static boolean has(JsonNode node, String field) {
        return node != null && node.has(field);
    }
}
