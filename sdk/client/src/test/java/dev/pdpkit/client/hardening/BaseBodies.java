package dev.pdpkit.client.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Spec-shaped resources of the Management API (base-bodies.json), with non-ASCII names so that a charset mix-up
 * shows. The suites mutate copies of them.
 */
final class BaseBodies {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode ALL = load();

    private BaseBodies() {
    }

    /** @return a fresh copy of the named resource */
    static ObjectNode get(String name) {
        JsonNode node = ALL.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no base body " + name);
        }
        return node.deepCopy();
    }

    /** @return {@code {"data": resource}} */
    static ObjectNode data(JsonNode resource) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("data", resource);
        return o;
    }

    /** @return a page of the resources, with the given pagination */
    static ObjectNode page(String nextCursor, boolean hasMore, JsonNode... items) {
        ObjectNode o = MAPPER.createObjectNode();
        o.putArray("data").addAll(java.util.List.of(items));
        ObjectNode p = o.putObject("pagination");
        p.put("nextCursor", nextCursor);
        p.put("hasMore", hasMore);
        return o;
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode load() {
        try (InputStream in = BaseBodies.class.getResourceAsStream("base-bodies.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
