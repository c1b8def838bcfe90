package dev.pdpkit.client.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pdpkit.client.core.JsonField;
import dev.pdpkit.client.core.JsonValue;
import java.io.IOException;
import java.util.List;

/**
 * The streaming side of decoding: helpers for the generated {@link JsonCodec#read} methods, and the entry points that
 * read a whole response body with them. Internal: not part of the public API.
 *
 * <p>Streaming readers only take the common case, a body with exactly the documented shape, and give up (return
 * null) on anything else, so the tree decoder stays the single judge of drift: a null anywhere falls back to it for
 * the whole body. They exist because building a tree and then a model from it cost more than the rest of the SDK's
 * work on a call.
 */
public final class JsonStreams {
    // The mapper refuses content after the value, which in the middle of a body is the rest of the document.
    private static final ObjectReader SUBTREE = Json.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonStreams() {
    }

    /**
     * Reads the documented envelope {@code {"data": value}} with nothing else in it.
     *
     * @param body the whole body
     * @param codec the codec of the data
     * @param <T> the data type
     * @return the data, or null when the body must be read as a tree
     */
    public static <T> T readData(byte[] body, JsonCodec<T> codec) {
        return stream(body, p -> {
            if (p.nextToken() != JsonToken.START_OBJECT || !"data".equals(p.nextFieldName())
                    || p.nextToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            T value = codec.read(p, body);
            return value == null || p.nextToken() != JsonToken.END_OBJECT ? null : value;
        });
    }

    /**
     * The members of a list answer {@code {"data": [...], "pagination": {"nextCursor": ..., "hasMore": ...}}}, as
     * sent; whether they make a usable page is the caller's judgement.
     *
     * @param items the items
     * @param hasMore the {@code hasMore} flag
     * @param nextCursor the cursor, or null when it was null
     * @param <T> the item type
     */
    public record PageParts<T>(List<T> items, boolean hasMore, String nextCursor) {
    }

    /**
     * Reads a list answer with exactly the documented members, in any order.
     *
     * @param body the whole body
     * @param itemsCodec the codec of the item list ({@link Codecs#listOf}), made once per operation
     * @param <T> the item type
     * @return its parts, or null when the body must be read as a tree
     */
    public static <T> PageParts<T> readPage(byte[] body, JsonCodec<List<T>> itemsCodec) {
        return stream(body, p -> {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<T> items = null;
            PageParts<T> pagination = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                if ("data".equals(name) && items == null) {
                    items = itemsCodec.read(p, body);
                } else if ("pagination".equals(name) && pagination == null) {
                    pagination = pagination(p);
                } else {
                    return null;
                }
                if (items == null && pagination == null) {
                    return null;
                }
            }
            return items == null || pagination == null ? null
                    : new PageParts<>(items, pagination.hasMore(), pagination.nextCursor());
        });
    }

    /** @return the pagination object's two members (and no others), with no items, or null */
    private static <T> PageParts<T> pagination(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Boolean hasMore = null;
        String cursor = null;
        boolean cursorSeen = false;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            if ("hasMore".equals(name) && hasMore == null && t.isBoolean()) {
                hasMore = t == JsonToken.VALUE_TRUE;
            } else if ("nextCursor".equals(name) && !cursorSeen
                    && (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL)) {
                cursorSeen = true;
                cursor = t == JsonToken.VALUE_STRING ? p.getText() : null;
            } else {
                return null;
            }
        }
        return hasMore == null ? null : new PageParts<>(List.of(), hasMore, cursor);
    }

    /** Reads a whole body with a parser; null from the reader, or any failure, means "read it as a tree". */
    private static <T> T stream(byte[] body, ParserReader<T> reader) {
        // Jackson checks the UTF-8 of strings only; the tree path refuses the body for a bad byte anywhere.
        if (body.length == 0 || Utf8.firstInvalid(body) >= 0) {
            return null;
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            T value = reader.read(p);
            return value == null || p.nextToken() != null ? null : value;
        } catch (IOException | RuntimeException e) {
            // Malformed input, a broken bound, a number out of range: the tree decoder reports each one properly.
            return null;
        }
    }

    private interface ParserReader<T> {
        T read(JsonParser p) throws IOException;
    }

    /**
     * Reads a member's value into a field.
     *
     * @param p the parser, on the member's value
     * @param body the whole body
     * @param codec the member's codec
     * @param nullAllowed whether a JSON null is the documented value (nullable or optional) rather than drift
     * @param <T> the value type
     * @return the field, or null to give up
     * @throws IOException if the parser fails
     */
    public static <T> JsonField<T> field(JsonParser p, byte[] body, JsonCodec<T> codec, boolean nullAllowed)
            throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return nullAllowed ? JsonField.ofNull() : null;
        }
        T value = codec.read(p, body);
        return value == null ? null : JsonField.of(value);
    }

    /**
     * @param p the parser, on an object's {@code START_OBJECT}
     * @return the byte offset of the object in the body
     */
    public static int start(JsonParser p) {
        return (int) p.currentTokenLocation().getByteOffset();
    }

    /**
     * @param p the parser, on the object's {@code END_OBJECT}
     * @param body the whole body
     * @param start what {@link #start} returned for the object
     * @return the object's raw JSON, parsed only when asked for
     */
    public static JsonValue json(JsonParser p, byte[] body, int start) {
        return JsonValue.from(new JsonSlice(body, start, (int) p.currentTokenLocation().getByteOffset() + 1));
    }

    /**
     * Reads the value at the parser as a tree and decodes it with the tree decoder, for types whose reading depends on
     * a member that may come last (the discriminator of a {@code oneOf}). The value's JSON path is rebuilt from the
     * parser's context, so a member the decoder finds missing or invalid carries the same path as on the tree path.
     *
     * @param p the parser, on the value's first token
     * @param codec the codec
     * @param <T> the value type
     * @return the value, or null for anything but an object
     * @throws IOException if the parser fails
     */
    public static <T> T viaTree(JsonParser p, JsonCodec<T> codec) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String path = path(p.getParsingContext().getParent());
        JsonNode node = SUBTREE.readTree(p);
        return codec.decode(node, path);
    }

    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "$";
        }
        String parent = path(context.getParent());
        return context.inArray() ? parent + "[" + context.getCurrentIndex() + "]"
                : JsonSupport.child(parent, context.getCurrentName());
    }

    /**
     * @param p the parser, on a value
     * @return the string, or null if the value is not a string
     * @throws IOException if the parser fails
     */
    static String string(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    /**
     * @param p the parser, on a value
     * @return the integer, or null if the value is not an integer that fits a long
     * @throws IOException if the parser fails
     */
    static Long integer(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG ? p.getLongValue() : null;
    }
}
