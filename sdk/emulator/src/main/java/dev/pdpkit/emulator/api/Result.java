package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A handler's answer.
 *
 * @param status the HTTP status
 * @param body the JSON body, or null for none (204)
 * @param headers extra response headers
 */
public record Result(int status, JsonNode body, Map<String, String> headers) {
    /**
     * Creates a 200 answer.
     *
     * @param body the JSON body
     * @return the answer
     */
    public static Result ok(JsonNode body) {
        return new Result(200, body, Map.of());
    }

    /**
     * Creates a 201 answer.
     *
     * @param body the JSON body
     * @return the answer
     */
    public static Result created(JsonNode body) {
        return new Result(201, body, Map.of());
    }

    /** @return a 204 answer without a body */
    public static Result noContent() {
        return new Result(204, null, Map.of());
    }
}
