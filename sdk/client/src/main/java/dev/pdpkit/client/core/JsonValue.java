package dev.pdpkit.client.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.internal.json.Json;
import dev.pdpkit.client.internal.json.JsonSlice;
import dev.pdpkit.client.internal.json.JsonSupport;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A piece of JSON exactly as the server sent it: the whole object a model was read from ({@code model._json()}), or a
 * member that could not be read as its documented type ({@code model._member().rawJson()}).
 *
 * <p>It may hold secrets (a connection string, a token value), so {@link #toString()} shows only its JSON type; call
 * {@link #toJson()} for the text.
 *
 * <pre>{@code
 * JsonValue raw = project._createdAt().rawJson().orElseThrow();
 * String text = raw.toJson();     // "\"2026-11-23T10:00:00\"" (no offset, so createdAt() throws)
 * Object plain = raw.toPlain();   // "2026-11-23T10:00:00"
 * }</pre>
 */
public final class JsonValue {
    // A value decoded by a streaming reader starts as a range of the body and becomes a tree on first use.
    private volatile JsonNode node;
    private final JsonSlice slice;

    private JsonValue(JsonNode node) {
        this.node = node;
        this.slice = null;
    }

    private JsonValue(JsonSlice slice) {
        this.slice = slice;
    }

    /**
     * Wraps a value: plain Java values (null, String, Boolean, Number, Collection, Map with String keys, nested
     * freely) are converted to JSON; a {@code JsonValue} is returned as is.
     *
     * @param value the value
     * @return the JSON value
     * @throws IllegalArgumentException for a value that has no JSON form
     */
    public static JsonValue from(Object value) {
        if (value instanceof JsonValue) {
            return (JsonValue) value;
        }
        if (value instanceof JsonNode) {
            return new JsonValue((JsonNode) value);
        }
        if (value instanceof JsonSlice) {
            return new JsonValue((JsonSlice) value);
        }
        return new JsonValue(JsonSupport.fromPlain(value));
    }

    /**
     * Parses JSON text with the SDK's strict reader (UTF-8, no duplicate keys, bounded depth and sizes).
     *
     * @param json the JSON text
     * @return the JSON value
     * @throws PrismaDecodeException if the text is not such JSON
     */
    public static JsonValue parse(String json) {
        Objects.requireNonNull(json, "json");
        return new JsonValue(Json.parse(json.getBytes(StandardCharsets.UTF_8), 0));
    }

    /** @return the JSON text, compact */
    public String toJson() {
        return Json.write(node());
    }

    /**
     * Converts to plain Java values: null, String, Boolean, Long (integers that fit), BigDecimal (other numbers),
     * unmodifiable List and insertion-ordered Map.
     *
     * @return the plain value
     */
    public Object toPlain() {
        return JsonSupport.toPlain(node());
    }

    /** @return the JSON type: {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean} or {@code null} */
    public String type() {
        return node().getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return true for JSON {@code null} */
    public boolean isNull() {
        return node().isNull();
    }

    JsonNode node() {
        JsonNode n = node;
        if (n == null) {
            // Two threads may both parse; they build equal trees, and either may stay.
            n = slice.parse();
            node = n;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonValue && node().equals(((JsonValue) o).node());
    }

    @Override
    public int hashCode() {
        return node().hashCode();
    }

    /** Shows the JSON type only: the value may be a secret. */
    @Override
    public String toString() {
        return "JsonValue[" + type() + "]";
    }
}
