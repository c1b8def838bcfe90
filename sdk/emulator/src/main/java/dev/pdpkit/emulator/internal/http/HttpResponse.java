package dev.pdpkit.emulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An answer: status, headers and a complete body. Mutable until it is returned to the server. */
public final class HttpResponse {
    private static final HttpResponse DROP = new HttpResponse(-1, null);

    private final int status;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpResponse(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    /** @return an answer with this status and no body */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, null);
    }

    /** @return a JSON answer */
    public static HttpResponse json(int status, byte[] json) {
        return new HttpResponse(status, json).header("Content-Type", "application/json");
    }

    /** @return an HTML answer in UTF-8 */
    public static HttpResponse html(int status, String html) {
        return new HttpResponse(status, html.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "text/html;charset=UTF-8");
    }

    /** @return an answer with a body of any type (set Content-Type with {@link #header}) */
    public static HttpResponse bytes(int status, byte[] body) {
        return new HttpResponse(status, body);
    }

    /** @return the marker that makes the server close the connection without answering */
    public static HttpResponse drop() {
        return DROP;
    }

    public boolean isDrop() {
        return this == DROP;
    }

    /** Sets a header, replacing one of the same name (names compare case-insensitively). */
    public HttpResponse header(String name, String value) {
        if (isDrop()) {
            return this;
        }
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** @return the body, or null for none */
    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** @return a header's value (case-insensitive name), or null */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }
}
