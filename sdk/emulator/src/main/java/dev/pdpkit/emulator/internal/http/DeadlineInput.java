package dev.pdpkit.emulator.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The socket's input with an absolute deadline: every read waits at most until the deadline, so a client that
 * trickles one byte at a time cannot hold the connection longer than the phase it is in allows.
 */
final class DeadlineInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int len;
    private long deadlineNanos;

    DeadlineInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    void deadlineIn(Duration d) {
        deadlineNanos = System.nanoTime() + d.toNanos();
    }

    /** @return whether bytes are buffered already (a pipelined request) */
    boolean hasBuffered() {
        return pos < len;
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        long remainingMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMs <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }

    /** @return whether {@code n} bytes could be skipped before the stream ended */
    boolean discard(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (!fill()) {
                return false;
            }
            int k = (int) Math.min(left, len - pos);
            pos += k;
            left -= k;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int k = Math.min(n, len - pos);
        System.arraycopy(buf, pos, b, off, k);
        pos += k;
        return k;
    }
}
