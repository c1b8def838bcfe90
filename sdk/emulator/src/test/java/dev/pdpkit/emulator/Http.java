package dev.pdpkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain JSON-over-HTTP client for the emulator's own tests (deliberately not the SDK). */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status, headers and the parsed body (a MissingNode when empty). */
    record Resp(int status, java.net.http.HttpHeaders headers, String text, JsonNode json) {
        JsonNode data() {
            return json.path("data");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String errorCode() {
            return json.path("error").path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    Resp get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Resp post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    Resp patch(String path, String token, Object body) {
        return send("PATCH", path, token, body, Map.of());
    }

    Resp delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    Resp send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(20));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            if (body != null) {
                String text = body instanceof String ? (String) body : JSON.writeValueAsString(body);
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(text));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isEmpty() ? JSON.missingNode() : JSON.readTree(r.body());
            return new Resp(r.statusCode(), r.headers(), r.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
