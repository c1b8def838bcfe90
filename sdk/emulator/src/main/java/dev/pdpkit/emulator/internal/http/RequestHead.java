package dev.pdpkit.emulator.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request line and header fields, read leniently where it is harmless (bare LF line ends, blank lines before the
 * request line) and strictly where it matters (token characters, no control characters, a bounded size).
 */
record RequestHead(String method, String target, String version, Map<String, List<String>> headers) {
    private static final int MAX_LEADING_BLANK_LINES = 8;

    /**
     * @param first the first byte, already read
     * @return the head, or null when the client closed the connection before finishing it
     */
    static RequestHead read(InputStream in, int first, int maxBytes) throws IOException, HttpFailure {
        LineReader lines = new LineReader(in, first, maxBytes);
        String requestLine = lines.next();
        for (int blank = 0; requestLine != null && requestLine.isEmpty() && blank < MAX_LEADING_BLANK_LINES;
                blank++) {
            requestLine = lines.next();
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0]) || parts[1].isEmpty()) {
            throw HttpFailure.badRequest("invalid_request_line",
                    "The request line must be \"METHOD target HTTP/1.1\".");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw HttpFailure.badRequest("unsupported_http_version", "Only HTTP/1.1 and HTTP/1.0 are supported.");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = lines.next(); ; line = lines.next()) {
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                break;
            }
            addHeader(headers, line);
        }
        return new RequestHead(parts[0].toUpperCase(Locale.ROOT), parts[1], parts[2], headers);
    }

    private static void addHeader(Map<String, List<String>> headers, String line) throws HttpFailure {
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.substring(0, colon))) {
            throw HttpFailure.badRequest("invalid_header", "A header line is malformed.");
        }
        String value = line.substring(colon + 1).strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw HttpFailure.badRequest("invalid_header", "A header value contains a control character.");
            }
        }
        headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(value);
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** @return the first value of a header, or null */
    String first(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Reads lines ending in CRLF or a bare LF, counting every byte against the head's size cap. */
    private static final class LineReader {
        private final InputStream in;
        private final int maxBytes;
        private int pending;
        private int total;

        LineReader(InputStream in, int first, int maxBytes) {
            this.in = in;
            this.pending = first;
            this.maxBytes = maxBytes;
        }

        String next() throws IOException, HttpFailure {
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = pending >= 0 ? pending : in.read();
                pending = -1;
                if (b < 0) {
                    return null;
                }
                if (++total > maxBytes) {
                    throw new HttpFailure(431, "request_header_fields_too_large",
                            "The request head exceeds " + maxBytes + " bytes.");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                    throw HttpFailure.badRequest("invalid_header", "A bare CR is not a line end.");
                }
                line.append((char) b); // ISO-8859-1, as RFC 9110 reads header bytes
            }
        }
    }
}
