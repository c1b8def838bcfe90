package dev.pdpkit.client.hardening;

import static dev.pdpkit.client.hardening.FuzzCase.Expect.DECODE;
import static dev.pdpkit.client.hardening.Mutations.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pdpkit.client.hardening.FuzzCase.Reply;
import dev.pdpkit.client.hardening.JsonPaths.Slot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Mutations below the JSON tree, each of which the client must refuse rather than read with a loss. */
final class ByteMutations {
    private static final String SENTINEL = "zz_sentinel_7f3a";
    /** Ill-formed UTF-8: bad continuation, overlong forms, encoded surrogates, beyond U+10FFFF, cut sequences. */
    private static final int[][] INVALID = {{0xC3, 0x28}, {0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80},
        {0xED, 0xBF, 0xBF}, {0xFF}, {0xFE}, {0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xF4, 0x90, 0x80, 0x80},
        {0xE2, 0x82}, {0xF0, 0x9F, 0x98}, {0xC1, 0xBF}};

    private ByteMutations() {
    }

    /** The same key twice in one object, with different values, before or after the original. */
    static FuzzCase duplicateKey(FuzzOp op, Random rnd) {
        JsonNode body = op.body();
        ObjectNode target;
        String key;
        if (op.secret != null && rnd.nextBoolean()) {
            int cut = op.secret.lastIndexOf('/');
            target = (ObjectNode) body.at(op.secret.substring(0, cut));
            key = op.secret.substring(cut + 1);
        } else {
            do {
                target = Mutations.randomObject(body, rnd);
            } while (target.isEmpty());
            List<String> keys = new ArrayList<>();
            target.fieldNames().forEachRemaining(keys::add);
            key = keys.get(rnd.nextInt(keys.size()));
        }
        JsonNode other = target.get(key).isTextual() ? TextNode.valueOf(target.get(key).textValue() + "-other")
                : TextNode.valueOf("other");
        boolean first = rnd.nextBoolean();
        putWithSentinel(target, other, first);
        String text = BaseBodies.text(body).replace("\"" + SENTINEL + "\"", BaseBodies.text(TextNode.valueOf(key)));
        return refused(op, "duplicate key " + key + (first ? " (first)" : " (last)"),
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static void putWithSentinel(ObjectNode target, JsonNode value, boolean first) {
        if (!first) {
            target.set(SENTINEL, value);
            return;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = target.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        target.removeAll();
        target.set(SENTINEL, value);
        entries.forEach(e -> target.set(e.getKey(), e.getValue()));
    }

    /** Ill-formed UTF-8 inside a string value, inside a member name, or between tokens. */
    static FuzzCase invalidUtf8(FuzzOp op, Random rnd) {
        JsonNode body = op.body();
        int[] bad = INVALID[rnd.nextInt(INVALID.length)];
        List<Slot> strings = JsonPaths.slots(body).stream().filter(s -> s.value().isTextual()).toList();
        int where = rnd.nextInt(3);
        if (where == 0) {
            Slot s = Mutations.pick(strings, rnd);
            String v = s.value().textValue();
            int at = rnd.nextInt(v.length() + 1);
            s.set(TextNode.valueOf(v.substring(0, at) + SENTINEL + v.substring(at)));
        } else if (where == 1) {
            Mutations.randomObject(body, rnd).put("k" + SENTINEL, "v");
        }
        byte[] text = Mutations.bytes(body);
        byte[] mutated = where == 2 ? splice(text, 1, 0, bad) : replace(text, bad);
        return refused(op, "invalid UTF-8 " + hex(bad) + (where == 0 ? " in a string" : where == 1
                ? " in a name" : " between tokens"), mutated);
    }

    /** A body that ends early: honestly (Content-Length of what is sent) or not (the connection closes early). */
    static FuzzCase truncated(FuzzOp op, Random rnd) {
        byte[] full = Mutations.bytes(op.body());
        int cut = 1 + rnd.nextInt(full.length - 1);
        byte[] sent = java.util.Arrays.copyOf(full, cut);
        boolean honest = rnd.nextBoolean();
        Reply reply = new Reply(200, sent, List.of("Content-Type: " + JSON), honest ? 0 : full.length - cut);
        return new FuzzCase(op, "truncated at " + cut + "/" + full.length + (honest ? "" : " (connection closed)"),
                List.of(reply), Mutations.brokenOff(honest), List.of(), 0);
    }

    static FuzzCase trailingGarbage(FuzzOp op, Random rnd) {
        String[] tails = {"x", "}", "]", "{}", "[]", ",", "\"a\"", "0", "null", "\u0000", "{\"data\":{}}", "//"};
        String tail = tails[rnd.nextInt(tails.length)];
        String text = BaseBodies.text(op.body()) + (rnd.nextBoolean() ? " " : "") + tail;
        return refused(op, "trailing " + BaseBodies.text(TextNode.valueOf(tail)),
                text.getBytes(StandardCharsets.UTF_8));
    }

    static FuzzCase nonJson(FuzzOp op, Random rnd) {
        String[] bodies = {"", "<html><head><title>502</title></head><body>Bad gateway</body></html>", "OK",
            "upstream connect error or disconnect/reset before headers", "{", "'single': 'quotes'",
            "{\"data\": NaN}", "{data: 1}"};
        String b = bodies[rnd.nextInt(bodies.length)];
        String type = rnd.nextBoolean() ? JSON : "text/html; charset=utf-8";
        byte[] bytes = b.getBytes(StandardCharsets.UTF_8);
        return new FuzzCase(op, "not JSON (" + Math.min(b.length(), 20) + " chars, " + type + ")",
                List.of(Reply.json(200, bytes, type)), DECODE, List.of(), 0);
    }

    private static FuzzCase refused(FuzzOp op, String mutation, byte[] body) {
        return new FuzzCase(op, mutation, List.of(Reply.json(200, body, JSON)), DECODE, List.of(), 0);
    }

    private static byte[] replace(byte[] text, int[] bad) {
        byte[] s = SENTINEL.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + s.length <= text.length; i++) {
            if (java.util.Arrays.equals(text, i, i + s.length, s, 0, s.length)) {
                return splice(text, i, s.length, bad);
            }
        }
        throw new IllegalStateException("sentinel not found");
    }

    private static byte[] splice(byte[] text, int at, int removed, int[] bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        for (int b : bad) {
            out.write(b);
        }
        out.write(text, at + removed, text.length - at - removed);
        return out.toByteArray();
    }

    private static String hex(int[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int b : bytes) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }
}
