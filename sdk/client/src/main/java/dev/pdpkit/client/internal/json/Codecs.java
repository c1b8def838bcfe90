package dev.pdpkit.client.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pdpkit.client.errors.PrismaDecodeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The codecs of JSON scalars and arrays, which the generated codecs compose: each reads a tree node ({@code decode}),
 * reads the same value straight from a parser when it has the documented type ({@code read}), and writes it
 * ({@code encode}). Internal: not part of the public API.
 */
public final class Codecs {

    /** Codec of a JSON string. */
    public static final JsonCodec<String> STRING = new ScalarCodec<>("a string") {
        @Override
        String read(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw JsonSupport.typeError(path, "a string", node);
            }
            return node.textValue();
        }

        @Override
        public String read(JsonParser p, byte[] body) throws IOException {
            return JsonStreams.string(p);
        }

        @Override
        public JsonNode encode(String value) {
            return Json.NODES.textNode(value);
        }
    };

    /** Codec of a JSON boolean. */
    public static final JsonCodec<Boolean> BOOLEAN = new ScalarCodec<>("a boolean") {
        @Override
        Boolean read(JsonNode node, String path) {
            if (!node.isBoolean()) {
                throw JsonSupport.typeError(path, "a boolean", node);
            }
            return node.booleanValue();
        }

        @Override
        public Boolean read(JsonParser p, byte[] body) {
            JsonToken t = p.currentToken();
            return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        @Override
        public JsonNode encode(Boolean value) {
            return Json.NODES.booleanNode(value);
        }
    };

    /** Codec of a JSON integer that fits a {@code long} (schema {@code type: integer}). */
    public static final JsonCodec<Long> LONG = new ScalarCodec<>("an integer") {
        @Override
        Long read(JsonNode node, String path) {
            requireIntegral(node, path);
            if (!node.canConvertToLong()) {
                throw new PrismaDecodeException(0, "integer out of range of a long at " + path, null);
            }
            return node.longValue();
        }

        @Override
        public Long read(JsonParser p, byte[] body) throws IOException {
            return JsonStreams.integer(p);
        }

        @Override
        public JsonNode encode(Long value) {
            return Json.NODES.numberNode(value);
        }
    };

    /** Codec of a JSON integer that fits an {@code int} (schema {@code type: integer, format: int32}). */
    public static final JsonCodec<Integer> INTEGER = new ScalarCodec<>("an integer") {
        @Override
        Integer read(JsonNode node, String path) {
            requireIntegral(node, path);
            if (!node.canConvertToInt()) {
                throw new PrismaDecodeException(0, "integer out of range of an int at " + path, null);
            }
            return node.intValue();
        }

        @Override
        public Integer read(JsonParser p, byte[] body) throws IOException {
            Long value = JsonStreams.integer(p);
            return value == null || value != value.intValue() ? null : value.intValue();
        }

        @Override
        public JsonNode encode(Integer value) {
            return Json.NODES.numberNode(value);
        }
    };

    /**
     * Codec of any JSON number (schema {@code type: number}), read exactly as a {@link BigDecimal}: {@code 5432} stays
     * {@code 5432} and is written back unchanged.
     */
    public static final JsonCodec<BigDecimal> DECIMAL = new ScalarCodec<>("a number") {
        @Override
        BigDecimal read(JsonNode node, String path) {
            if (!node.isNumber()) {
                throw JsonSupport.typeError(path, "a number", node);
            }
            return node.decimalValue();
        }

        @Override
        public BigDecimal read(JsonParser p, byte[] body) throws IOException {
            // Integers only: a fraction's exact form is left to the tree, which reads it as the mapper is configured.
            Long value = JsonStreams.integer(p);
            return value == null ? null : BigDecimal.valueOf(value);
        }

        @Override
        public JsonNode encode(BigDecimal value) {
            return Json.NODES.numberNode(value);
        }
    };

    /** Codec of an ISO-8601 date-time with offset (schema {@code format: date-time}). */
    public static final JsonCodec<OffsetDateTime> DATE_TIME = new ScalarCodec<>("a date-time string with an offset") {
        @Override
        OffsetDateTime read(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw JsonSupport.typeError(path, "a date-time string", node);
            }
            try {
                return DateTimes.parseOffsetDateTime(node.textValue());
            } catch (DateTimeParseException e) {
                // The parser's message repeats the text; leave it out.
                throw new PrismaDecodeException(0, "expected an ISO-8601 date-time with offset at " + path, null);
            }
        }

        @Override
        public OffsetDateTime read(JsonParser p, byte[] body) throws IOException {
            String text = JsonStreams.string(p);
            try {
                return text == null ? null : DateTimes.parseOffsetDateTime(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public JsonNode encode(OffsetDateTime value) {
            return Json.NODES.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    };

    /** Codec of an ISO-8601 calendar date (schema {@code format: date}). */
    public static final JsonCodec<LocalDate> DATE = new ScalarCodec<>("a date string") {
        @Override
        LocalDate read(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw JsonSupport.typeError(path, "a date string", node);
            }
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                throw new PrismaDecodeException(0, "expected an ISO-8601 date at " + path, null);
            }
        }

        @Override
        public JsonNode encode(LocalDate value) {
            return Json.NODES.textNode(DateTimeFormatter.ISO_LOCAL_DATE.format(value));
        }
    };

    /**
     * Returns a codec of a JSON array whose items use {@code itemCodec}; decoded lists are unmodifiable.
     *
     * @param itemCodec the codec of one item
     * @param <T> the item type
     * @return the list codec
     */
    public static <T> JsonCodec<List<T>> listOf(JsonCodec<T> itemCodec) {
        Objects.requireNonNull(itemCodec, "itemCodec");
        return new JsonCodec<>() {
            @Override
            public List<T> decode(JsonNode node, String path) {
                if (!node.isArray()) {
                    throw JsonSupport.typeError(path, "an array", node);
                }
                List<T> items = new ArrayList<>(node.size());
                boolean paths = itemCodec.needsPath();
                for (int i = 0; i < node.size(); i++) {
                    JsonNode item = node.get(i);
                    if (item.isNull()) {
                        throw new PrismaDecodeException(0, "unexpected null array item at " + path + "[" + i + "]",
                                null);
                    }
                    items.add(itemCodec.decode(item, paths ? path + "[" + i + "]" : path));
                }
                return Collections.unmodifiableList(items);
            }

            @Override
            public List<T> read(JsonParser p, byte[] body) throws IOException {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    return null;
                }
                List<T> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    T item = t == JsonToken.VALUE_NULL ? null : itemCodec.read(p, body);
                    if (item == null) {
                        return null;
                    }
                    items.add(item);
                }
                return Collections.unmodifiableList(items);
            }

            @Override
            public boolean needsPath() {
                return itemCodec.needsPath();
            }

            @Override
            public String expected() {
                return "an array of " + itemCodec.expected();
            }

            @Override
            public JsonNode encode(List<T> value) {
                ArrayNode out = Json.NODES.arrayNode();
                for (T item : value) {
                    out.add(itemCodec.encode(item));
                }
                return out;
            }
        };
    }

    private Codecs() {
    }

    private static void requireIntegral(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw JsonSupport.typeError(path, "an integer", node);
        }
        if (!node.isIntegralNumber() && !node.canConvertToExactIntegral()) {
            throw new PrismaDecodeException(0, "expected an integer at " + path + " but found a number with a fraction",
                    null);
        }
    }

    /** A scalar codec: {@link #decode} delegates to {@link #read}, with the JSON-null check done by the callers. */
    private abstract static class ScalarCodec<T> implements JsonCodec<T> {
        private final String expected;

        ScalarCodec(String expected) {
            this.expected = expected;
        }

        abstract T read(JsonNode node, String path);

        @Override
        public boolean needsPath() {
            return false;
        }

        @Override
        public String expected() {
            return expected;
        }

        @Override
        public final T decode(JsonNode node, String path) {
            if (node == null) {
                throw JsonSupport.typeError(path, expected, null);
            }
            return read(node, path);
        }
    }
}
