package dev.pdpkit.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.internal.json.Json;
import java.time.Clock;

/** Turns an error response into the {@link PrismaApiException} subclass of its status, whatever the body looks like. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /**
     * @param status the HTTP status (not 2xx)
     * @param headers the response headers
     * @param body the body text, possibly null, empty, HTML or plain text
     * @param clock for {@code Retry-After} dates
     * @return the exception to throw
     */
    public static PrismaApiException toException(int status, HttpHeaders headers, String body, Clock clock) {
        String code = null;
        String message = null;
        String hint = null;
        JsonNode error = readErrorObject(body);
        if (error != null) {
            code = text(error.get("code"));
            message = text(error.get("message"));
            hint = text(error.get("hint"));
        }
        return PrismaApiException.create(status, code, message, hint, headers, body,
                RetryAfter.parse(headers.first("Retry-After").orElse(null), clock));
    }

    private static JsonNode readErrorObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            return error != null && error.isObject() ? error : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null; // not JSON: the exception keeps the raw body
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
