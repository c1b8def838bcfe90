package dev.pdpkit.client.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks a JSON tree: the places a mutation can hit, and every string and number a reader could return. */
final class JsonPaths {
    /** A member or element of a container. */
    record Slot(String pointer, JsonNode parent, String key, int index) {
        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode v) {
            if (key != null) {
                ((ObjectNode) parent).set(key, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }
    }

    private JsonPaths() {
    }

    /** @return every member and element below the root, depth first */
    static List<Slot> slots(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String pointer, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(new Slot(p, node, e.getKey(), -1));
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(pointer + "/" + i, node, null, i));
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    /** Adds every string value and member name of {@code node} to {@code strings}, every number to {@code numbers}. */
    static void leaves(JsonNode node, Set<String> strings, Set<BigDecimal> numbers) {
        if (node.isTextual()) {
            strings.add(node.textValue());
        } else if (node.isNumber()) {
            numbers.add(normalize(node.decimalValue()));
        } else if (node.isContainerNode()) {
            node.fieldNames().forEachRemaining(strings::add);
            node.elements().forEachRemaining(child -> leaves(child, strings, numbers));
        }
    }

    static BigDecimal normalize(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    /** @return true for the members that frame the resource rather than belong to it */
    static boolean envelope(String pointer) {
        return pointer.equals("/data") || pointer.startsWith("/pagination") || pointer.equals("/meta")
                || pointer.equals("/period") || pointer.equals("/metrics");
    }
}
