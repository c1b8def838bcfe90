package dev.pdpkit.doctor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal server speaking just enough of PostgreSQL's wire protocol (version 3) for the cases a real server cannot
 * produce on demand: it answers SSLRequest and GSSENCRequest with 'N', then either refuses the start-up with an
 * ErrorResponse carrying a chosen SQLSTATE (57P03: "the database system is in recovery mode"), or accepts any login
 * (AuthenticationOk) and answers every query with an ErrorResponse carrying a chosen SQLSTATE (57014).
 */
final class FakePostgres implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;

    /** What the fake does after the start-up message. */
    enum Mode { REFUSE_STARTUP, FAIL_QUERIES }

    private final ServerSocket server;
    private final Mode mode;
    private final String sqlState;
    private final String message;
    private final Thread acceptor;

    private FakePostgres(Mode mode, String sqlState, String message) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.mode = mode;
        this.sqlState = sqlState;
        this.message = message;
        this.acceptor = new Thread(this::acceptLoop, "fake-postgres");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that refuses every start-up with this SQLSTATE. */
    static FakePostgres refusingStartup(String sqlState, String message) throws IOException {
        return new FakePostgres(Mode.REFUSE_STARTUP, sqlState, message);
    }

    /** A server that accepts every login and fails every query with this SQLSTATE. */
    static FakePostgres failingQueries(String sqlState, String message) throws IOException {
        return new FakePostgres(Mode.FAIL_QUERIES, sqlState, message);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "fake-postgres-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                int length = in.readInt();
                int code = in.readInt();
                if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
                    out.write('N');
                    out.flush();
                    continue;
                }
                in.skipNBytes(length - 8);
                if (code == CANCEL_REQUEST) {
                    return;
                }
                break;
            }
            if (mode == Mode.REFUSE_STARTUP) {
                error(out);
                out.flush();
                return;
            }
            acceptLogin(out);
            queryLoop(in, out);
        } catch (IOException e) {
            // the client went away
        }
    }

    private void acceptLogin(DataOutputStream out) throws IOException {
        message(out, 'R', int32(0));
        for (String[] p : new String[][] {{"server_version", "15.0"}, {"client_encoding", "UTF8"},
                {"DateStyle", "ISO, MDY"}, {"integer_datetimes", "on"}, {"standard_conforming_strings", "on"},
                {"TimeZone", "UTC"}}) {
            message(out, 'S', cstrings(p[0], p[1]));
        }
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        key.write(int32(4242));
        key.write(int32(1));
        message(out, 'K', key.toByteArray());
        message(out, 'Z', new byte[] {'I'});
        out.flush();
    }

    /**
     * Answers the extended protocol at each Sync: an error if the batch executed anything but SET, otherwise
     * ParseComplete, BindComplete, NoData and CommandComplete as asked. Simple queries the same way.
     */
    private void queryLoop(DataInputStream in, DataOutputStream out) throws IOException {
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        boolean failing = false;
        while (true) {
            int type = in.read();
            if (type < 0 || type == 'X') {
                return;
            }
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            String text = new String(body, StandardCharsets.UTF_8);
            switch (type) {
                case 'P' -> {
                    failing |= !text.contains("SET ");
                    pending.write(new byte[] {'1', 0, 0, 0, 4});
                }
                case 'B' -> pending.write(new byte[] {'2', 0, 0, 0, 4});
                case 'D' -> pending.write(new byte[] {'n', 0, 0, 0, 4});
                case 'E' -> message(pending, 'C', cstrings("SET"));
                case 'C' -> pending.write(new byte[] {'3', 0, 0, 0, 4});
                case 'Q', 'S' -> {
                    if (failing || (type == 'Q' && !text.contains("SET "))) {
                        error(out);
                    } else {
                        out.write(pending.toByteArray());
                    }
                    pending.reset();
                    failing = false;
                    message(out, 'Z', new byte[] {'I'});
                    out.flush();
                }
                default -> { }
            }
        }
    }

    private void error(DataOutputStream out) throws IOException {
        String severity = mode == Mode.REFUSE_STARTUP ? "FATAL" : "ERROR";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String[] f : new String[][] {{"S", severity}, {"V", severity}, {"C", sqlState}, {"M", message}}) {
            b.write(f[0].charAt(0));
            b.write(cstrings(f[1]));
        }
        b.write(0);
        message(out, 'E', b.toByteArray());
    }

    private static void message(OutputStream out, char type, byte[] body) throws IOException {
        out.write(type);
        out.write(int32(body.length + 4));
        out.write(body);
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] cstrings(String... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String v : values) {
            b.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
