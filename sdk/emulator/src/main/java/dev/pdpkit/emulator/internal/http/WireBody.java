package dev.pdpkit.emulator.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** A body on the connection, framed by Content-Length or chunked encoding, read only on demand. */
final class WireBody implements HttpRequest.BodySource {
    private static final int MAX_CHUNK_LINE = 1024;

    private final DeadlineInput in;
    private final OutputStream out;
    private final long declared;
    private final boolean chunked;
    private final boolean expectContinue;
    private final Duration timeout;
    private boolean consumed;
    private boolean complete;

    private WireBody(DeadlineInput in, OutputStream out, long declared, boolean chunked, boolean expectContinue,
                     Duration timeout) {
        this.in = in;
        this.out = out;
        this.declared = declared;
        this.chunked = chunked;
        this.expectContinue = expectContinue;
        this.timeout = timeout;
        this.consumed = declared == 0;
        this.complete = consumed;
    }

    /** Works out the framing from the head (RFC 9112 section 6). */
    static WireBody of(RequestHead head, DeadlineInput in, OutputStream out, Duration timeout) throws HttpFailure {
        String te = head.first("transfer-encoding");
        String cl = head.first("content-length");
        boolean expect = "100-continue".equalsIgnoreCase(head.first("expect"));
        if (te != null) {
            if (cl != null || head.headers().get("transfer-encoding").size() > 1
                    || !te.strip().toLowerCase(Locale.ROOT).equals("chunked")) {
                throw HttpFailure.badRequest("invalid_framing",
                        "Only \"Transfer-Encoding: chunked\", without Content-Length, is supported.");
            }
            return new WireBody(in, out, -1, true, expect, timeout);
        }
        if (cl == null) {
            return new WireBody(in, out, 0, false, false, timeout);
        }
        long length = -1;
        for (String value : head.headers().get("content-length")) {
            for (String part : value.split(",", -1)) {
                long n = parseLength(part.strip());
                if (n < 0 || (length >= 0 && n != length)) {
                    throw HttpFailure.badRequest("invalid_content_length", "Content-Length is not a valid length.");
                }
                length = n;
            }
        }
        return new WireBody(in, out, length, false, expect, timeout);
    }

    private static long parseLength(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    @Override
    public long declaredLength() {
        return declared;
    }

    @Override
    public byte[] read(int maxBytes) throws IOException, HttpFailure {
        if (consumed) {
            throw new IllegalStateException("body already read");
        }
        consumed = true;
        if (expectContinue) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        in.deadlineIn(timeout);
        try {
            byte[] body = chunked ? readChunked(maxBytes) : readFixed();
            complete = true;
            return body;
        } catch (SocketTimeoutException e) {
            throw new HttpFailure(408, "request_timeout", "The request body did not arrive within "
                    + timeout.toMillis() + " ms.");
        }
    }

    private byte[] readFixed() throws IOException, HttpFailure {
        byte[] bytes = in.readNBytes((int) declared);
        if (bytes.length < declared) {
            throw HttpFailure.badRequest("incomplete_body", "The connection ended before the declared body.");
        }
        return bytes;
    }

    private byte[] readChunked(int maxBytes) throws IOException, HttpFailure {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            long size = chunkSize(line(in));
            if (size == 0) {
                break;
            }
            if (body.size() + size > maxBytes) {
                throw HttpRequest.tooLarge(maxBytes);
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size || !line(in).isEmpty()) {
                throw malformedChunks();
            }
            body.write(chunk);
        }
        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
            // trailer fields are ignored
        }
        return body.toByteArray();
    }

    private static long chunkSize(String line) throws HttpFailure {
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
        if (hex.isEmpty() || hex.length() > 7) {
            throw malformedChunks();
        }
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw malformedChunks();
        }
    }

    private static String line(InputStream in) throws IOException, HttpFailure {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || sb.length() > MAX_CHUNK_LINE) {
                throw malformedChunks();
            }
            sb.append((char) b);
        }
        int end = sb.length();
        return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
    }

    private static HttpFailure malformedChunks() {
        return HttpFailure.badRequest("invalid_chunked_body", "The chunked request body is malformed.");
    }

    /**
     * Skips an unread body so the connection can serve the next request; only small ones, a client that declared
     * a large body it was not asked for gets its connection closed instead.
     *
     * @return whether the connection is positioned at the next request
     */
    boolean skipUnread(int maxSkip) {
        if (consumed) {
            return complete;
        }
        if (chunked || expectContinue || declared > maxSkip) {
            return false;
        }
        consumed = true;
        in.deadlineIn(timeout);
        try {
            complete = in.discard(declared);
            return complete;
        } catch (IOException e) {
            return false;
        }
    }
}
