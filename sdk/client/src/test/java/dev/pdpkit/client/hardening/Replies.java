package dev.pdpkit.client.hardening;

import dev.pdpkit.client.hardening.RawHttpServer.Responder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Answers, well-formed and broken, for {@link RawHttpServer}. */
final class Replies {
    static final String JSON = "Content-Type: application/json";

    private Replies() {
    }

    /** A complete answer: status line, the given header lines, a correct Content-Length, the body. */
    static Responder bytes(int status, byte[] body, String... headerLines) {
        return (request, c) -> c.write(message(status, body, true, headerLines));
    }

    static Responder json(int status, String body, String... extraHeaderLines) {
        List<String> lines = new ArrayList<>(Arrays.asList(extraHeaderLines));
        lines.add(0, JSON);
        return bytes(status, body.getBytes(StandardCharsets.UTF_8), lines.toArray(String[]::new));
    }

    /** An answer of the documented error shape. */
    static Responder error(int status, String... extraHeaderLines) {
        return json(status, errorBody(status), extraHeaderLines);
    }

    static String errorBody(int status) {
        return "{\"error\":{\"code\":\"E" + status + "\",\"message\":\"status " + status + "\",\"hint\":null}}";
    }

    /** Headers written verbatim, without a Content-Length of ours; the body follows, then the connection closes. */
    static Responder verbatim(int status, byte[] body, String... headerLines) {
        return (request, c) -> {
            c.write(message(status, body, false, headerLines));
            c.close();
        };
    }

    /** Reads the request, then closes the connection (FIN) without answering. */
    static Responder closeAfterRead() {
        return (request, c) -> c.close();
    }

    /** Reads the request, then resets the connection (RST) without answering. */
    static Responder resetAfterRead() {
        return (request, c) -> c.reset();
    }

    /** Reads the request and never answers, until the client hangs up. */
    static Responder stall() {
        return (request, c) -> {
            c.closeAfterResponse = true;
            InputStream in = c.socket.getInputStream();
            while (in.read() >= 0) {
                // wait for the client to give up
            }
        };
    }

    /** Announces {@code body.length + missing} bytes, sends {@code body}, then closes. */
    static Responder truncated(int status, byte[] body, int missing) {
        return (request, c) -> {
            c.write(head(status, body.length + missing, JSON));
            c.write(body);
            c.close();
        };
    }

    /** Sends a complete answer in {@code chunks} pieces, {@code pauseMillis} apart. */
    static Responder trickle(int status, byte[] body, int chunks, long pauseMillis) {
        return (request, c) -> {
            c.write(head(status, body.length, JSON));
            int step = Math.max(1, body.length / chunks);
            for (int i = 0; i < body.length; i += step) {
                Thread.sleep(pauseMillis);
                c.write(Arrays.copyOfRange(body, i, Math.min(body.length, i + step)));
            }
        };
    }

    static byte[] head(int status, long contentLength, String... headerLines) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
        for (String line : headerLines) {
            sb.append(line).append("\r\n");
        }
        if (contentLength >= 0) {
            sb.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] message(int status, byte[] body, boolean withLength, String... headerLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head(status, withLength ? body.length : -1, headerLines));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
