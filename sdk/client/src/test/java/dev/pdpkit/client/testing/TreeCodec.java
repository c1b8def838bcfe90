package dev.pdpkit.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.internal.json.JsonCodec;

/** Reads any JSON as its tree: lets pipeline tests run without depending on a generated model. */
public final class TreeCodec implements JsonCodec<JsonNode> {
    public static final TreeCodec INSTANCE = new TreeCodec();

    @Override
    public JsonNode decode(JsonNode node, String path) {
        return node;
    }

    @Override
    public JsonNode encode(JsonNode value) {
        return value;
    }
}
