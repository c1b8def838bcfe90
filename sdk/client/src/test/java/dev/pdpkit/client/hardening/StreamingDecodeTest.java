package dev.pdpkit.client.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.core.JsonValue;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaInvalidDataException;
import dev.pdpkit.client.internal.json.Json;
import dev.pdpkit.client.internal.json.JsonCodec;
import dev.pdpkit.client.internal.json.JsonStreams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming readers are an optimisation of the tree decoder, never a second opinion: whenever one returns a model,
 * it must equal what the tree decoder makes of the same bytes (fields, unknown members, {@code toString()} and the
 * raw {@code _json()}), and on anything the tree decoder would judge (drift, repeated keys, malformed bytes) it must
 * step aside. The documented shapes must take the streaming path, or the optimisation silently stops working.
 */
class StreamingDecodeTest {
    private static final List<String> RESOURCES = List.of("project", "createdProject", "database", "createdDatabase",
            "createdProjectDatabase", "connection", "connectionWithSecrets", "serviceToken", "createdServiceToken",
            "bucketKey", "createdBucketKey", "region", "workspace", "integration", "me", "bucket", "subscription");
    private static final String[] SWAPS = {"\"swapped\"", "12345", "-0.5", "true", "null", "{}", "[]",
        "\"2025-13-45T99:00:00Z\"", "\"2025-01-15T10:30:00+05:30\"", "9223372036854775808", "[null]"};

    @ParameterizedTest
    @ValueSource(strings = {"project", "createdProject", "database", "createdDatabase", "createdProjectDatabase", "connectionWithSecrets", "connection", "serviceToken", "createdServiceToken",
            "bucketKey", "createdBucketKey", "region", "workspace", "integration", "me", "bucket", "subscription"})
    void documentedShapesTakeTheStreamingPath(String resource) {
        byte[] body = bytes(BaseBodies.data(BaseBodies.get(resource)));
        Object fast = JsonStreams.readData(body, codec(resource));
        assertNotNull(fast, resource + " fell back to the tree");
        assertSameAsTree(resource, body, fast);
    }

    @Test
    void prettyPrintedBodiesKeepTheirRawJsonExactly() throws Exception {
        for (String resource : RESOURCES) {
            JsonNode data = BaseBodies.data(BaseBodies.get(resource));
            byte[] body = BaseBodies.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(data);
            Object fast = JsonStreams.readData(body, codec(resource));
            if (fast != null) {
                assertSameAsTree(resource, body, fast);
            }
        }
    }

    @Test
    void aOneOfIsReadAsATreeWithTheSamePathsForItsDrift() {
        ObjectNode database = BaseBodies.get("database");
        database.putObject("source").put("type", "database").put("databaseId", 42).put("extra", true);
        byte[] body = bytes(BaseBodies.data(database));
        Object fast = JsonStreams.readData(body, codec("database"));
        assertNotNull(fast);
        assertSameAsTree("database", body, fast);
        Object source = invoke(fast, "source");
        PrismaInvalidDataException drift = assertThrows(PrismaInvalidDataException.class,
                () -> invoke(source, "databaseId"));
        assertTrue(drift.getMessage().contains("$.data.source.databaseId"), drift.getMessage());
    }

    @Test
    void aByteOrderMarkDoesNotShiftTheRawJson() {
        byte[] json = bytes(BaseBodies.data(BaseBodies.get("project")));
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xef;
        body[1] = (byte) 0xbb;
        body[2] = (byte) 0xbf;
        System.arraycopy(json, 0, body, 3, json.length);
        Object fast = JsonStreams.readData(body, codec("project"));
        if (fast != null) {
            assertSameAsTree("project", body, fast);
        }
    }

    @Test
    void aRepeatedKeyIsLeftToTheTreeWhichRefusesIt() {
        String text = BaseBodies.text(BaseBodies.data(BaseBodies.get("project")));
        String repeated = text.replaceFirst("\\{\"data\":\\{", "{\"data\":{\"name\":\"first\",");
        byte[] body = repeated.getBytes(StandardCharsets.UTF_8);
        assertNull(JsonStreams.readData(body, codec("project")));
        assertThrows(PrismaDecodeException.class, () -> Json.parse(body, 200));

        String nested = text.replaceFirst("\"workspace\":\\{", "\"workspace\":{\"id\":\"again\",");
        assertNull(JsonStreams.readData(nested.getBytes(StandardCharsets.UTF_8), codec("project")));
        String root = text.replaceFirst("\\}$", ",\"data\":null}");
        assertNull(JsonStreams.readData(root.getBytes(StandardCharsets.UTF_8), codec("project")));
    }

    @Test
    void badBytesAndTrailingContentAreLeftToTheTree() {
        String text = BaseBodies.text(BaseBodies.data(BaseBodies.get("project")));
        byte[] utf8 = text.replace("\"name\":\"", "\"name\":\"\u00e9").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(utf8, (byte) 0xc3);
        utf8[at] = (byte) 0xc0; // an overlong form: Jackson alone may let it through
        for (byte[] body : List.of(utf8, (text + " {}").getBytes(StandardCharsets.UTF_8),
                text.substring(0, text.length() - 1).getBytes(StandardCharsets.UTF_8), new byte[0],
                (text + "\u0000").getBytes(StandardCharsets.UTF_8),
                text.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":1e400").getBytes(StandardCharsets.UTF_8))) {
            assertNull(JsonStreams.readData(body, codec("project")));
        }
    }

    @Test
    void seededDriftEitherStreamsToTheTreesAnswerOrFallsBack() {
        Random random = new Random(20261201L);
        int streamed = 0;
        int fellBack = 0;
        for (int i = 0; i < 4000; i++) {
            String resource = RESOURCES.get(random.nextInt(RESOURCES.size()));
            ObjectNode data = BaseBodies.get(resource);
            mutate(data, random);
            byte[] body = bytes(BaseBodies.data(data));
            Object fast = JsonStreams.readData(body, codec(resource));
            if (fast == null) {
                fellBack++;
            } else {
                streamed++;
                assertSameAsTree(resource + " case " + i, body, fast);
            }
        }
        // Both outcomes must occur, or the mutations do not exercise the readers.
        assertTrue(streamed > 100 && fellBack > 1000, "streamed " + streamed + ", fell back " + fellBack);
    }

    private static void assertSameAsTree(String what, byte[] body, Object fast) {
        JsonNode data = Json.parse(body, 200).get("data");
        Object tree = codec(what.split(" ")[0]).decode(data, "$.data");
        assertEquals(tree, fast, what);
        assertEquals(tree.toString(), fast.toString(), what);
        JsonValue fastJson = rawJson(fast);
        assertEquals(rawJson(tree), fastJson, what);
        assertEquals(Json.write(data), fastJson.toJson(), what);
        assertEquals(ModelTouch.of(tree), ModelTouch.of(fast), what);
    }

    /** Changes one member somewhere in the object: another value, null, gone, or a new unknown member. */
    private static void mutate(ObjectNode data, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(data, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty() || random.nextInt(6) == 0) {
            target.put("unknownMember" + random.nextInt(3), "x");
            return;
        }
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(3)) {
            case 0:
                target.remove(name);
                break;
            case 1:
                target.putNull(name);
                break;
            default:
                target.set(name, Json.parse(SWAPS[random.nextInt(SWAPS.length)].getBytes(StandardCharsets.UTF_8),
                        200));
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> out) {
        if (node.isObject()) {
            out.add((ObjectNode) node);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collect(it.next(), out);
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonCodec<Object> codec(String resource) {
        String name = Character.toUpperCase(resource.charAt(0)) + resource.substring(1) + "Codec";
        try {
            Class<?> type = Class.forName("dev.pdpkit.client.internal.codec." + name);
            return (JsonCodec<Object>) type.getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no codec " + name, e);
        }
    }

    private static Object invoke(Object target, String method) {
        try {
            Object value = target.getClass().getMethod(method).invoke(target);
            return value instanceof Optional ? ((Optional<?>) value).orElseThrow() : value;
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new AssertionError(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonValue rawJson(Object model) {
        try {
            return ((Optional<JsonValue>) model.getClass().getMethod("_json").invoke(model)).orElseThrow();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return BaseBodies.text(node).getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }

    /** What a caller can read from a model, as {@link ModelToucher} collects it. */
    private static final class ModelTouch {
        static Map<String, Object> of(Object model) {
            ModelToucher t = new ModelToucher();
            t.touch(model);
            return Map.of("strings", t.strings, "numbers", t.numbers, "renderings", t.renderings, "errors",
                    t.prismaErrors.stream().map(Throwable::getMessage).toList(), "violations", t.violations);
        }
    }
}
