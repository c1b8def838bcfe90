package dev.pdpkit.client.hardening;

import static dev.pdpkit.client.hardening.FuzzCase.Expect.API_ERROR;
import static dev.pdpkit.client.hardening.FuzzCase.Expect.DECODE;
import static dev.pdpkit.client.hardening.FuzzCase.Expect.DECODE_OR_NETWORK;
import static dev.pdpkit.client.hardening.FuzzCase.Expect.MODEL;
import static dev.pdpkit.client.hardening.FuzzCase.Expect.MODEL_OR_DECODE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.hardening.FuzzCase.Expect;
import dev.pdpkit.client.hardening.FuzzCase.Reply;
import dev.pdpkit.client.hardening.JsonPaths.Slot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a valid answer. Tree mutations keep the answer valid JSON (the client must return a model);
 * byte mutations break it in ways the client must refuse; {@link PageBreaks} breaks pagination.
 */
final class Mutations {
    static final String JSON = "application/json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final String[] SWAPS = {"\"swapped\"", "12345", "-0.5", "true", "false", "{}", "[]",
        "{\"x\":[1,\"a\",null]}", "[\"a\",2]"};

    private Mutations() {
    }

    /** @return a seeded case for {@code op} */
    static FuzzCase next(FuzzOp op, Random rnd) {
        int kind = rnd.nextInt(op.paged() ? 17 : 16);
        switch (kind) {
            case 0: case 1: return typeSwap(op, rnd);
            case 2: return nulled(op, rnd);
            case 3: return missing(op, rnd);
            case 4: return unknownMember(op, rnd);
            case 5: return unknownEnum(op, rnd);
            case 6: return deepNesting(op, rnd);
            case 7: return hugeValue(op, rnd);
            case 8: return ByteMutations.duplicateKey(op, rnd);
            case 9: return ByteMutations.invalidUtf8(op, rnd);
            case 10: return mislabelledCharset(op, rnd);
            case 11: return ByteMutations.truncated(op, rnd);
            case 12: return ByteMutations.trailingGarbage(op, rnd);
            case 13: return ByteMutations.nonJson(op, rnd);
            case 14: case 15: return wrongStatus(op, rnd);
            default: return PageBreaks.next(op, rnd);
        }
    }

    static byte[] bytes(JsonNode node) {
        return BaseBodies.text(node).getBytes(StandardCharsets.UTF_8);
    }

    static FuzzCase valid(FuzzOp op, String mutation, JsonNode body, Expect expect) {
        return valid(op, mutation, body, expect, JSON);
    }

    static FuzzCase valid(FuzzOp op, String mutation, JsonNode body, Expect expect, String contentType) {
        return new FuzzCase(op, mutation, List.of(Reply.json(200, bytes(body), contentType)), expect,
                List.of(body), 0);
    }

    static Slot pick(List<Slot> slots, Random rnd) {
        return slots.get(rnd.nextInt(slots.size()));
    }

    private static Expect at(Slot s) {
        return JsonPaths.envelope(s.pointer()) ? MODEL_OR_DECODE : MODEL;
    }

    private static FuzzCase typeSwap(FuzzOp op, Random rnd) {
        JsonNode body = op.body();
        Slot s = pick(JsonPaths.slots(body), rnd);
        JsonNode old = s.value();
        JsonNode swapped;
        do {
            swapped = parse(SWAPS[rnd.nextInt(SWAPS.length)]);
        } while (swapped.getNodeType() == old.getNodeType());
        s.set(swapped);
        return valid(op, "type swap at " + s.pointer(), body, at(s));
    }

    private static FuzzCase nulled(FuzzOp op, Random rnd) {
        JsonNode body = op.body();
        Slot s = pick(JsonPaths.slots(body), rnd);
        s.set(NODES.nullNode());
        return valid(op, "null at " + s.pointer(), body, at(s));
    }

    private static FuzzCase missing(FuzzOp op, Random rnd) {
        JsonNode body = op.body();
        List<Slot> members = JsonPaths.slots(body).stream().filter(s -> s.key() != null).toList();
        Slot s = pick(members, rnd);
        ((ObjectNode) s.parent()).remove(s.key());
        return valid(op, "missing " + s.pointer(), body, at(s));
    }

    private static FuzzCase unknownMember(FuzzOp op, Random rnd) {
        JsonNode body = op.body();
        ObjectNode target = randomObject(body, rnd);
        target.set("x_unknown_" + rnd.nextInt(1000), parse(SWAPS[rnd.nextInt(SWAPS.length)]));
        return valid(op, "unknown member", body, MODEL);
    }

    private static FuzzCase unknownEnum(FuzzOp op, Random rnd) {
        JsonNode body = op.body();
        List<Slot> strings = JsonPaths.slots(body).stream().filter(s -> s.value().isTextual()).toList();
        Slot s = pick(strings, rnd);
        s.set(NODES.textNode("never_seen_" + rnd.nextInt(100) + " ✓"));
        return valid(op, "unknown value at " + s.pointer(), body, MODEL);
    }

    /** Nesting within any sane bound must be read; nesting far beyond one must be refused. */
    private static FuzzCase deepNesting(FuzzOp op, Random rnd) {
        boolean beyond = rnd.nextBoolean();
        int depth = beyond ? 2_000 + rnd.nextInt(20_000) : 1 + rnd.nextInt(60);
        String text = BaseBodies.text(op.body());
        String nested = "\"x_deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",";
        String mutated = "{" + nested + text.substring(1);
        if (beyond) {
            return new FuzzCase(op, "nesting " + depth, List.of(Reply.json(200,
                    mutated.getBytes(StandardCharsets.UTF_8), JSON)), DECODE, List.of(), 0);
        }
        JsonNode tree = parse(mutated);
        return valid(op, "nesting " + depth, tree, MODEL);
    }

    /** A long string must come back whole; numbers beyond double or long may be refused, never altered. */
    private static FuzzCase hugeValue(FuzzOp op, Random rnd) {
        JsonNode body = op.body();
        List<Slot> slots = JsonPaths.slots(body);
        Slot s = pick(slots, rnd);
        switch (rnd.nextInt(4)) {
            case 0:
                s.set(NODES.textNode("ß✓".repeat(20_000 + rnd.nextInt(30_000))));
                return valid(op, "long string at " + s.pointer(), body, at(s));
            case 1:
                s.set(NODES.numberNode(new BigDecimal((rnd.nextBoolean() ? "-" : "") + "1e400")));
                return valid(op, "1e400 at " + s.pointer(), body, MODEL_OR_DECODE);
            case 2:
                s.set(NODES.numberNode(new BigInteger("9".repeat(400))));
                return valid(op, "400-digit integer at " + s.pointer(), body, MODEL_OR_DECODE);
            default:
                s.set(NODES.numberNode(new BigDecimal("1e-400")));
                return valid(op, "1e-400 at " + s.pointer(), body, MODEL_OR_DECODE);
        }
    }

    /** A UTF-8 body under another charset label is still UTF-8 (RFC 8259 8.1): strings come back exactly. */
    private static FuzzCase mislabelledCharset(FuzzOp op, Random rnd) {
        String[] labels = {"iso-8859-1", "windows-1252", "us-ascii", "utf-16", "latin1", "koi8-r", "bogus-charset"};
        String label = labels[rnd.nextInt(labels.length)];
        return valid(op, "charset " + label, op.body(), MODEL, JSON + "; charset=" + label);
    }

    private static FuzzCase wrongStatus(FuzzOp op, Random rnd) {
        int[] ok = {200, 201, 202, 203};
        int[] notOk = {300, 302, 307, 400, 401, 403, 404, 405, 409, 410, 413, 418, 422, 429, 500, 501, 502, 503,
            504, 505, 599};
        if (rnd.nextInt(3) == 0) {
            int status = ok[rnd.nextInt(ok.length)];
            JsonNode body = op.body();
            return new FuzzCase(op, "status " + status, List.of(Reply.json(status, bytes(body), JSON)), MODEL,
                    List.of(body), 0);
        }
        int status = notOk[rnd.nextInt(notOk.length)];
        String[] bodies = {Replies.errorBody(status), BaseBodies.text(op.body()), "<html><body>oops</body></html>",
            "", "{\"error\":42}"};
        byte[] body = bodies[rnd.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8);
        return new FuzzCase(op, "status " + status, List.of(Reply.json(status, body, JSON)), API_ERROR, List.of(), 0);
    }

    static ObjectNode randomObject(JsonNode body, Random rnd) {
        List<JsonNode> objects = new java.util.ArrayList<>();
        objects.add(body);
        JsonPaths.slots(body).stream().map(Slot::value).filter(JsonNode::isObject).forEach(objects::add);
        return (ObjectNode) objects.get(rnd.nextInt(objects.size()));
    }

    static JsonNode parse(String json) {
        try {
            return BaseBodies.MAPPER.reader().with(com.fasterxml.jackson.databind.DeserializationFeature
                    .USE_BIG_DECIMAL_FOR_FLOATS).with(NODES).readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The expectation for a body that broke off before its end. */
    static Expect brokenOff(boolean honestLength) {
        return honestLength ? DECODE : DECODE_OR_NETWORK;
    }
}
