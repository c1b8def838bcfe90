package dev.pdpkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.api.ApiException;
import dev.pdpkit.emulator.api.Json;
import dev.pdpkit.emulator.internal.http.HttpFailure;
import dev.pdpkit.emulator.internal.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the API half's answers, every error in the documented shape {@code {"error":{"code","message"}}}. */
final class ApiAnswers {
    private ApiAnswers() {
    }

    static HttpResponse json(int status, JsonNode body, Map<String, String> headers) {
        HttpResponse r = body == null ? HttpResponse.empty(status) : HttpResponse.bytes(status, Json.bytes(body));
        headers.forEach(r::header);
        return body == null ? r : r.header("Content-Type", "application/json");
    }

    static HttpResponse error(ApiException e) {
        return json(e.status(), Json.error(e.code(), e.getMessage(), e.hint()), e.headers());
    }

    static HttpResponse error(int status, String code, String message) {
        return json(status, Json.error(code, message, null), Map.of());
    }

    /** Renders what the HTTP layer rejects before or while reading a request. */
    static HttpResponse failure(String path, HttpFailure f) {
        return error(f.status(), f.code(), f.getMessage());
    }

    static HttpResponse notFound(String path) {
        return error(404, "not_found", "No resource at " + path + ".");
    }

    /** The answer of a {@link FaultRule.Action#RESPOND} rule, as a gateway in front of the service gives it. */
    static HttpResponse fault(FaultRule fault) {
        Map<String, String> headers = new LinkedHashMap<>(fault.headers());
        if (fault.retryAfterValue() != null) {
            long ms = fault.retryAfterValue().toMillis();
            headers.put("Retry-After", Long.toString(Math.max(0, (ms + 999) / 1000)));
        }
        if (fault.body() != null) {
            HttpResponse r = HttpResponse.bytes(fault.status(), fault.body().getBytes(StandardCharsets.UTF_8));
            headers.forEach(r::header);
            return r.header("Content-Type", "application/json");
        }
        return json(fault.status(), Json.error(faultCode(fault.status()), "Injected fault: HTTP " + fault.status()
                + ".", null), headers);
    }

    private static String faultCode(int status) {
        switch (status) {
            case 429: return "rate_limited";
            case 500: return "internal_server_error";
            case 502: return "bad_gateway";
            case 503: return "service_unavailable";
            case 504: return "gateway_timeout";
            default: return "error_" + status;
        }
    }
}
