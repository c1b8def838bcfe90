package dev.pdpkit.emulator.internal.http;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed request. The body stays on the wire until {@link #body(int)} asks for it, so a handler can refuse a
 * request (bad credentials, unknown path) without reading, let alone buffering, what the client declared.
 */
public final class HttpRequest {
    /** Where the body comes from: the connection, or an adapted exchange of another server. */
    public interface BodySource {
        /** @return the declared length, 0 for no body, or -1 when unknown (chunked) */
        long declaredLength();

        /**
         * @return the whole body
         * @throws HttpFailure 413 when it exceeds {@code maxBytes}, 400 for broken framing, 408 when too slow
         */
        byte[] read(int maxBytes) throws IOException, HttpFailure;
    }

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final BodySource bodySource;
    private byte[] body;

    /**
     * @param method the method, upper case
     * @param path the decoded path
     * @param rawQuery the query as sent, or null
     * @param headers header values by lower-case name
     * @param bodySource the body
     */
    public HttpRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                       BodySource bodySource) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = Collections.unmodifiableMap(headers);
        this.bodySource = bodySource;
    }

    public String method() {
        return method;
    }

    /** @return the percent-decoded path, e.g. {@code /v1/projects/proj_1} */
    public String path() {
        return path;
    }

    /** @return the query as sent (still percent-encoded), or null */
    public String rawQuery() {
        return rawQuery;
    }

    /** @return every header, by lower-case name */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return the first value of a header (case-insensitive name), or null */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** @return the declared body length, 0 for none, -1 when chunked */
    public long declaredLength() {
        return bodySource.declaredLength();
    }

    /**
     * Reads the whole body (once; later calls return the same bytes).
     *
     * @param maxBytes the largest body accepted; a larger declared length is refused before anything is read
     * @return the body, empty when there is none
     * @throws HttpFailure 413 when too large, 400 for broken chunked framing, 408 when the client is too slow
     * @throws IOException if the connection fails
     */
    public byte[] body(int maxBytes) throws IOException, HttpFailure {
        if (body == null) {
            long declared = bodySource.declaredLength();
            if (declared > maxBytes) {
                throw tooLarge(maxBytes);
            }
            body = declared == 0 ? new byte[0] : bodySource.read(maxBytes);
        }
        return body;
    }

    static HttpFailure tooLarge(int maxBytes) {
        return new HttpFailure(413, "payload_too_large",
                "The request body exceeds this endpoint's size cap of " + maxBytes + " bytes.");
    }
}
