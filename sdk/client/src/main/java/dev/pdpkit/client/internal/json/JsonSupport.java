package dev.pdpkit.client.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.core.JsonField;
import dev.pdpkit.client.core.JsonValue;
import dev.pdpkit.client.errors.PrismaDecodeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Shared reading and writing helpers that the generated codecs and models call. Internal: not part of the public API.
 *
 * <p>Decoding is strict about types and required fields and lenient about everything else: unknown members are kept
 * as plain Java values, a {@code null} in an optional field is kept as {@link JsonField#ofNull()}. Every error is a
 * {@link PrismaDecodeException} whose message names the JSON path and the expected type but never the value, because
 * the value may be a secret.
 *
 * <p>Plain values (the values of {@code additionalProperties}) are {@code null}, {@link String}, {@link Boolean},
 * {@link Long} (integers that fit), {@link BigDecimal} (every other number), {@code List<Object>} and
 * {@code Map<String, Object>} (insertion-ordered), all unmodifiable; no Jackson type ever leaves this package.
 */
public final class JsonSupport {

    private JsonSupport() {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Decoding

    /**
     * Checks that a node is a JSON object.
     *
     * @param node the node
     * @param path its JSON path
     * @param typeName the model type, for the message
     * @return the node as an object
     * @throws PrismaDecodeException if it is not an object
     */
    public static ObjectNode requireObject(JsonNode node, String path, String typeName) {
        if (node == null || !node.isObject()) {
            throw typeError(path, "an object (" + typeName + ")", node);
        }
        return (ObjectNode) node;
    }

    /**
     * Reads an optional member: absent gives {@link JsonField#missing()}, {@code null} gives
     * {@link JsonField#ofNull()} (also for fields the spec does not declare nullable: an unexpected null is kept, not
     * rejected), a value the codec cannot read gives an {@linkplain JsonField#invalid invalid} field that keeps it.
     *
     * @param object the enclosing object
     * @param name the member name
     * @param path the path of the enclosing object
     * @param codec the member's codec
     * @param <T> the member type
     * @return the field; never throws for the member's content
     */
    public static <T> JsonField<T> readOptional(ObjectNode object, String name, String path, JsonCodec<T> codec) {
        JsonNode member = object.get(name);
        if (member == null) {
            return JsonField.missing();
        }
        if (member.isNull()) {
            return JsonField.ofNull();
        }
        return decodeMember(member, codec, path, name);
    }

    /**
     * Reads a required member tolerantly: absent gives a missing field that knows its path, {@code null} on a
     * non-nullable member a null field that knows its path, an unreadable value an invalid field. The model is built
     * either way; the member's accessor throws when it is read.
     *
     * @param object the enclosing object
     * @param name the member name
     * @param path the path of the enclosing object
     * @param codec the member's codec
     * @param nullable whether the spec allows {@code null}
     * @param <T> the member type
     * @return the field; never throws for the member's content
     */
    public static <T> JsonField<T> readRequired(ObjectNode object, String name, String path, JsonCodec<T> codec,
                                                boolean nullable) {
        JsonNode member = object.get(name);
        if (member == null) {
            return JsonField.missingAt(child(path, name));
        }
        if (member.isNull()) {
            return nullable ? JsonField.ofNull() : JsonField.nullAt(child(path, name));
        }
        return decodeMember(member, codec, path, name);
    }

    private static <T> JsonField<T> decodeMember(JsonNode member, JsonCodec<T> codec, String path, String name) {
        try {
            // Scalars need no path unless they fail, so the common case builds no string.
            return JsonField.of(codec.decode(member, codec.needsPath() ? child(path, name) : path));
        } catch (RuntimeException e) {
            return JsonField.invalid(child(path, name), JsonValue.from(member), codec.expected());
        }
    }

    /**
     * Checks one field for {@code validate()}: a required, non-nullable field must hold a value; no field may be
     * invalid.
     *
     * @param field the field
     * @param name the member name, for fields set by hand (decoded fields know their path)
     * @param required whether the member must be present
     * @param nullable whether it may be null
     * @throws dev.pdpkit.client.errors.PrismaInvalidDataException when the field breaks the rule
     */
    public static void check(JsonField<?> field, String name, boolean required, boolean nullable) {
        if (field.isInvalid() || (required && field.isMissing()) || (!nullable && required && field.isNull())) {
            throw field.jsonPath().isPresent() ? field.problem()
                    : JsonField.missingAt("$." + name).problem();
        }
    }

    /**
     * Reads the discriminator of a {@code oneOf} object.
     *
     * @param object the object
     * @param name the discriminator property
     * @param path the object's path
     * @return the discriminator value
     * @throws PrismaDecodeException if it is absent or not a string
     */
    public static String discriminator(ObjectNode object, String name, String path) {
        JsonNode member = object.get(name);
        String memberPath = child(path, name);
        if (member == null || member.isNull()) {
            throw new PrismaDecodeException(0, "missing discriminator " + memberPath, null);
        }
        if (!member.isTextual()) {
            throw typeError(memberPath, "a string", member);
        }
        return member.textValue();
    }

    /**
     * Collects the members of an object that are not in {@code known}, as plain values.
     *
     * @param object the object
     * @param known the declared member names
     * @return the other members in document order, unmodifiable
     */
    public static Map<String, Object> readAdditional(ObjectNode object, Set<String> known) {
        if (object.size() <= known.size() && allKnown(object, known)) {
            return Map.of(); // the common case allocates nothing
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                out.put(e.getKey(), toPlain(e.getValue()));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static boolean allKnown(ObjectNode object, Set<String> known) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            if (!known.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Converts a JSON tree to plain Java values.
     *
     * @param node the node
     * @return the plain value (see the class comment)
     */
    public static Object toPlain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        switch (node.getNodeType()) {
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                return plainNumber(node);
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    list.add(toPlain(item));
                }
                return Collections.unmodifiableList(list);
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), toPlain(e.getValue()));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                return node.asText();
        }
    }

    private static Object plainNumber(JsonNode node) {
        try {
            if (node.isIntegralNumber()) {
                return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
            }
            return node.decimalValue();
        } catch (RuntimeException e) {
            // Some Jackson versions hold a huge exponent (1e400) as a double they cannot turn back into a decimal;
            // the text of the number is still exact.
            return new BigDecimal(node.asText());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Encoding

    /** @return a new, empty JSON object */
    public static ObjectNode newObject() {
        return Json.NODES.objectNode();
    }

    /**
     * Writes a field unless it is missing; an explicit null is written as {@code null}.
     *
     * @param out the object to write to
     * @param name the member name
     * @param field the field
     * @param codec the codec of its value
     * @param <T> the value type
     */
    public static <T> void write(ObjectNode out, String name, JsonField<T> field, JsonCodec<T> codec) {
        if (field.isNull()) {
            out.putNull(name);
        } else if (field.isPresent()) {
            out.set(name, codec.encode(field.get()));
        } else if (field.isInvalid()) {
            // Written back exactly as received, so a read-modify-write does not drop what this SDK could not read.
            out.set(name, Json.parse(field.rawJson().orElseThrow().toJson()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), 0));
        }
    }

    /**
     * Writes additional members; a member with the name of a declared field replaces it.
     *
     * @param out the object to write to
     * @param additional plain values by name
     */
    public static void writeAdditional(ObjectNode out, Map<String, Object> additional) {
        additional.forEach((k, v) -> out.set(k, fromPlain(v)));
    }

    /**
     * Converts a plain Java value to a JSON tree.
     *
     * @param value a plain value (see the class comment) or any value {@link #plain(Object)} accepts
     * @return the tree
     * @throws IllegalArgumentException for a value of another type
     */
    public static JsonNode fromPlain(Object value) {
        Object v = plain(value);
        if (v == null) {
            return Json.NODES.nullNode();
        }
        if (v instanceof String) {
            return Json.NODES.textNode((String) v);
        }
        if (v instanceof Boolean) {
            return Json.NODES.booleanNode((Boolean) v);
        }
        if (v instanceof Long) {
            return Json.NODES.numberNode((Long) v);
        }
        if (v instanceof BigDecimal) {
            return Json.NODES.numberNode((BigDecimal) v);
        }
        if (v instanceof List) {
            ArrayNode array = Json.NODES.arrayNode();
            for (Object item : (List<?>) v) {
                array.add(fromPlain(item));
            }
            return array;
        }
        ObjectNode object = Json.NODES.objectNode();
        ((Map<?, ?>) v).forEach((k, item) -> object.set((String) k, fromPlain(item)));
        return object;
    }

    /**
     * Normalises a value given for an additional property to its plain form, so that a value set by hand equals the
     * same value decoded from JSON: integers become {@link Long} (or {@link BigDecimal} when too large), other numbers
     * {@link BigDecimal}, collections unmodifiable lists, maps unmodifiable insertion-ordered maps.
     *
     * @param value null, a String, Boolean, Number, Collection, or Map with String keys, nested freely
     * @return the plain value
     * @throws IllegalArgumentException for any other type, a non-String map key, or a non-finite number
     */
    public static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("a JSON number must be finite");
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Collection) {
            List<Object> list = new ArrayList<>(((Collection<?>) value).size());
            for (Object item : (Collection<?>) value) {
                list.add(plain(item));
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Map) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException("JSON object keys must be strings");
                }
                map.put((String) e.getKey(), plain(e.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName()
                + " (use String, Boolean, Number, Collection, Map or null)");
    }

    /**
     * Copies a map of additional properties, normalising each value with {@link #plain(Object)}.
     *
     * @param values the values by name
     * @return an unmodifiable, insertion-ordered copy
     */
    public static Map<String, Object> plainMap(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(Objects.requireNonNull(k, "property name"), plain(v)));
        return Collections.unmodifiableMap(out);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Paths and errors

    /**
     * Returns the path of a member: {@code $.data.name}, or {@code $.data['odd-name']} for names that are not plain
     * identifiers.
     *
     * @param path the enclosing object's path
     * @param name the member name
     * @return the member's path
     */
    public static String child(String path, String name) {
        return isIdentifier(name) ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && Character.isJavaIdentifierPart(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds the error for a node of the wrong JSON type. Names the path, the expected type and the JSON type found,
     * never the value.
     *
     * @param path where
     * @param expected what was expected, e.g. "a string"
     * @param found the node found, or null
     * @return the exception
     */
    public static PrismaDecodeException typeError(String path, String expected, JsonNode found) {
        return new PrismaDecodeException(0, "expected " + expected + " at " + path + " but found " + describe(found),
                null);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case ARRAY: return "an array";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            case NUMBER: return "a number";
            case OBJECT: return "an object";
            case STRING: return "a string";
            default: return "a " + type.name().toLowerCase(java.util.Locale.ROOT) + " node";
        }
    }
}
