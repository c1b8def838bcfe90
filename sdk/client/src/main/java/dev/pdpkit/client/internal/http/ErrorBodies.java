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
     * @param bytes the body, possibly empty, HTML, plain text or not even UTF-8
     * @param clock for {@code Retry-After} dates
     * @return the exception to throw
     */
    public static PrismaApiException toException(int status, HttpHeaders headers, byte[] bytes, Clock clock) {
        String body = bytes == null || bytes.length == 0 ? null
                : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        String code = null;
        String message = null;
        String hint = null;
        JsonNode error = readErrorObject(bytes);
        if (error != null) {
            code = text(error.get("code"));
            message = text(error.get("message"));
            hint = text(error.get("hint"));
        }
        return PrismaApiException.create(status, code, message, hint, headers, body,
                RetryAfter.parse(headers.first("Retry-After").orElse(null), clock));
    }

    private static JsonNode readErrorObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode error = Json.parse(body, 0).get("error");
            return error != null && error.isObject() ? error : null;
        } catch (RuntimeException e) {
            return null; // not JSON: the exception keeps the raw body
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
