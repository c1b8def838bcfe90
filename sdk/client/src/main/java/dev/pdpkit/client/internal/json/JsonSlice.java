package dev.pdpkit.client.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A JSON value as a range of the response body it arrived in, for a model decoded by a streaming reader: its
 * {@code _json()} is parsed from these bytes only when someone asks for it. The range was already read once, strictly
 * (UTF-8, no repeated key, nothing malformed), so parsing it again cannot fail. Internal: not part of the public API.
 */
public final class JsonSlice {
    private final byte[] body;
    private final int from;
    private final int to;

    /**
     * @param body the whole response body; not copied, so it must not change afterwards
     * @param from the offset of the value's first byte
     * @param to the offset just past its last byte
     */
    public JsonSlice(byte[] body, int from, int to) {
        if (from < 0 || to > body.length || from >= to) {
            throw new IllegalArgumentException("slice " + from + ".." + to + " outside a body of " + body.length);
        }
        this.body = body;
        this.from = from;
        this.to = to;
    }

    /**
     * Parses the range into a tree with the SDK's mapper.
     *
     * @return the tree
     * @throws IllegalStateException if the range is not a JSON value, which means the reader that made it has a bug
     */
    public JsonNode parse() {
        try {
            return Json.MAPPER.readTree(body, from, to - from);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON range read once no longer parses (" + e.getClass().getSimpleName()
                    + ")");
        }
    }
}
