package dev.pdpkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends raw bytes to the emulator over a socket and reads one answer, so tests can send what no HTTP client would:
 * bad request lines, bare LF, lying Content-Length, slow trickles. A missing answer within the read timeout is
 * reported as {@link Answer#timedOut()}, never waited for.
 */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final int readTimeoutMs;

    RawHttp(int port, int readTimeoutMs) {
        this.port = port;
        this.readTimeoutMs = readTimeoutMs;
    }

    /** One answer; {@code status} is -1 when the connection closed without one, or timed out. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean timedOut) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the body as JSON, or null when it is not JSON */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return (timedOut ? "TIMEOUT " : "") + status + " " + headers + " " + text();
        }
    }

    /** A step of a slow client: bytes to send, then a pause. */
    record Step(byte[] bytes, long pauseMs) {
    }

    Answer send(byte[] request) throws IOException {
        return send(new Step(request, 0));
    }

    Answer send(Step... steps) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(readTimeoutMs);
            OutputStream out = s.getOutputStream();
            try {
                for (Step step : steps) {
                    out.write(step.bytes());
                    out.flush();
                    if (step.pauseMs() > 0) {
                        Thread.sleep(step.pauseMs());
                    }
                }
            } catch (IOException e) {
                // the server may answer and close before the client finished sending: read what it said
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return read(s.getInputStream(), steps[0].bytes().length >= 5
                    && new String(steps[0].bytes(), 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD "));
        }
    }

    static Answer read(InputStream in) throws IOException {
        return read(in, false);
    }

    /** @param head whether the request was a HEAD, whose answer has no body whatever Content-Length says */
    static Answer read(InputStream in, boolean head) throws IOException {
        try {
            String statusLine = line(in);
            if (statusLine == null) {
                return new Answer(-1, Map.of(), new byte[0], false);
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
            }
            String length = headers.get("content-length");
            byte[] body = length == null || head ? new byte[0] : in.readNBytes(Integer.parseInt(length));
            return new Answer(status, headers, body, false);
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), new byte[0], true);
        } catch (java.net.SocketException e) {
            return new Answer(-1, Map.of(), new byte[0], false);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
