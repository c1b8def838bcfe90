package dev.pdpkit.client.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pdpkit.client.errors.PrismaDecodeException;
import java.io.IOException;

/**
 * The SDK's single Jackson configuration. Only trees (and, for the common case, parser tokens; see
 * {@link JsonStreams}) are read and written; no reflection-based binding.
 *
 * <p>Reading is strict where leniency would alter data silently: the bytes must be UTF-8 whatever the response's
 * charset label says (RFC 8259, section 8.1), a key may not repeat inside an object, nothing may follow the value, and
 * nesting depth, string length and number length are bounded (Jackson's {@code StreamReadConstraints}, which is why
 * Jackson 2.15 is the oldest version supported).
 */
public final class Json {
    /** Deepest nesting of arrays and objects accepted; the API's answers nest fewer than ten levels. */
    public static final int MAX_DEPTH = 256;
    /** Longest string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;
    /** Longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();

    /** Shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .setNodeFactory(new FiniteNodes())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Repeated keys are caught as the tree is built (the object's put returns the earlier value), which costs
            // nothing; the parser-level detector would keep a set of names for every object read.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Node factory that keeps decimals exact. */
    // The non-deprecated replacement (JsonNodeFactory + JsonNodeFeature) is missing from the oldest Jackson we support.
    @SuppressWarnings("deprecation")
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {
    }

    /**
     * Parses a response body into a tree.
     *
     * @param body the body bytes, read as UTF-8 whatever the response's charset label says
     * @param statusCode the HTTP status the body came with, for the error
     * @return the tree
     * @throws PrismaDecodeException if the body is empty, not UTF-8, not JSON, has a repeated key or breaks a bound;
     *     the exception keeps the raw bytes and its message never repeats them
     */
    public static JsonNode parse(byte[] body, int statusCode) {
        if (body == null || body.length == 0) {
            throw new PrismaDecodeException(statusCode, "response body is empty, expected JSON", null, body);
        }
        int bad = Utf8.firstInvalid(body);
        if (bad >= 0) {
            throw new PrismaDecodeException(statusCode, "response body is not valid UTF-8 (byte offset " + bad + ")",
                    null, body);
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new PrismaDecodeException(statusCode, "response body is empty, expected JSON", null, body);
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending input, which may be a secret; keep only the kind and position.
            throw new PrismaDecodeException(statusCode, "response body is not acceptable JSON (" + kind(e) + ")"
                    + where(e), null, body);
        } catch (IOException | RuntimeException e) {
            // Number parsing and other library corners can fail with unchecked exceptions; they must stay typed.
            throw new PrismaDecodeException(statusCode, "response body could not be parsed ("
                    + e.getClass().getSimpleName() + ")", null, body);
        }
    }

    /**
     * Refuses a number that became infinite on its way into the tree. JSON has no infinity, so one can only come from
     * an exponent too large for a double ({@code 1e400}), which some Jackson versions read as a double despite
     * {@code USE_BIG_DECIMAL_FOR_FLOATS}: accepting it would silently replace the number with Infinity.
     */
    @SuppressWarnings("deprecation") // the replacement constructor is missing from the oldest Jackson we support
    private static final class FiniteNodes extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        FiniteNodes() {
            super(true);
        }

        @Override
        public com.fasterxml.jackson.databind.node.NumericNode numberNode(double v) {
            if (Double.isInfinite(v) || Double.isNaN(v)) {
                throw new IllegalArgumentException("a number too large to read exactly");
            }
            return super.numberNode(v);
        }

        @Override
        public com.fasterxml.jackson.databind.node.ValueNode numberNode(Double v) {
            if (v != null && (v.isInfinite() || v.isNaN())) {
                throw new IllegalArgumentException("a number too large to read exactly");
            }
            return super.numberNode(v);
        }
    }

    private static String kind(JsonProcessingException e) {
        String name = e.getClass().getSimpleName();
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (msg.startsWith("Duplicate field")) {
            return "duplicate key";
        }
        if (name.contains("Constraints")) {
            return "exceeds a size or depth limit";
        }
        if (msg.contains("Trailing token")) {
            return "content after the JSON value";
        }
        if (msg.contains("end-of-input")) {
            return "truncated";
        }
        return "syntax error";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    /**
     * Serialises a tree to compact JSON text.
     *
     * @param node the tree
     * @return JSON text
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Serialises a tree to compact UTF-8 JSON.
     *
     * @param node the tree
     * @return JSON bytes
     */
    public static byte[] writeBytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
