package dev.pdpkit.doctor.internal;

import dev.pdpkit.doctor.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** DNS, TCP and PostgreSQL's SSLRequest, each within what is left of the budget. */
public final class NetworkProbe {
    /** PostgreSQL's SSLRequest: length 8, then the magic code 1234.5679. */
    private static final byte[] SSL_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};

    private NetworkProbe() {}

    /**
     * Resolves a host name in a helper thread, because {@link InetAddress} has no timeout of its own.
     *
     * @param host the host name or address literal
     * @param deadline the budget
     * @return the addresses, in the resolver's order
     * @throws Failure {@link Finding#DNS_FAILED} when there is no address or no answer in time
     */
    public static Passed<List<InetAddress>> resolve(String host, Deadline deadline) throws Failure {
        FutureTask<InetAddress[]> task = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread thread = new Thread(task, "pdpkit-doctor-dns");
        thread.setDaemon(true);
        thread.start();
        try {
            List<InetAddress> addresses = List.of(task.get(deadline.millisLeft(), TimeUnit.MILLISECONDS));
            String shown = addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
            if (addresses.size() == 1 && shown.equalsIgnoreCase(host)) {
                return Passed.of(addresses, host + " is an IP address: no DNS lookup needed");
            }
            return Passed.of(addresses, host + " resolves to " + shown);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException) {
                throw new Failure(Finding.DNS_FAILED, "no address found for " + host);
            }
            throw new Failure(Finding.DNS_FAILED, "resolving " + host + " failed: " + e.getCause().getClass()
                    .getSimpleName());
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new Failure(Finding.DNS_FAILED, "DNS gave no answer for " + host + " within the time budget");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Finding.UNEXPECTED_ERROR, "interrupted while resolving " + host);
        }
    }

    /**
     * Opens a TCP connection to the first address that accepts one.
     *
     * @param addresses the resolved addresses
     * @param port the port
     * @param deadline the budget
     * @return the connected socket (the caller closes it)
     * @throws Failure {@link Finding#CONNECTION_REFUSED} or {@link Finding#CONNECTION_TIMED_OUT}
     */
    public static Passed<Socket> connect(List<InetAddress> addresses, int port, Deadline deadline) throws Failure {
        Failure last = new Failure(Finding.BUDGET_EXHAUSTED, "no time left to connect");
        for (InetAddress address : addresses) {
            if (deadline.expired()) {
                break;
            }
            String where = address.getHostAddress() + " port " + port;
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), deadline.millisLeft());
                return Passed.of(socket, "connected to " + where);
            } catch (ConnectException e) {
                last = new Failure(Finding.CONNECTION_REFUSED, where + " refused the connection (nothing listens)");
            } catch (SocketTimeoutException e) {
                last = new Failure(Finding.CONNECTION_TIMED_OUT, "no answer from " + where + " within the budget");
            } catch (NoRouteToHostException e) {
                last = new Failure(Finding.CONNECTION_TIMED_OUT, "no route to " + where);
            } catch (IOException e) {
                last = new Failure(Finding.UNEXPECTED_ERROR, "connecting to " + where + " failed: "
                        + e.getClass().getSimpleName());
            }
            closeQuietly(socket);
        }
        throw last;
    }

    /**
     * Sends PostgreSQL's SSLRequest and reads the one-byte answer, then closes the socket. A PostgreSQL server (or
     * pooler) answers at once with {@code S} (TLS offered) or {@code N} (not offered).
     *
     * @param socket a connected socket; closed on return
     * @param deadline the budget
     * @return true when the server offers TLS
     * @throws Failure {@link Finding#SERVER_NOT_RESPONDING} or {@link Finding#NOT_POSTGRES}
     */
    public static Passed<Boolean> askForTls(Socket socket, Deadline deadline) throws Failure {
        try (socket) {
            socket.setSoTimeout(deadline.millisLeft());
            OutputStream out = socket.getOutputStream();
            out.write(SSL_REQUEST);
            out.flush();
            InputStream in = socket.getInputStream();
            int answer = in.read();
            switch (answer) {
                case 'S':
                    return Passed.of(true, "the server speaks PostgreSQL and offers TLS");
                case 'N':
                    return Passed.of(false, "the server speaks PostgreSQL and does not offer TLS");
                case 'E':
                    return Passed.of(false, "the server answered the TLS request with an error (a very old server)");
                case -1:
                    throw new Failure(Finding.NOT_POSTGRES, "the server closed the connection without answering"
                            + " PostgreSQL's start-up request");
                default:
                    throw new Failure(Finding.NOT_POSTGRES, "the server answered PostgreSQL's start-up request with"
                            + " byte 0x" + Integer.toHexString(answer) + ", not 'S' or 'N'");
            }
        } catch (SocketTimeoutException e) {
            throw new Failure(Finding.SERVER_NOT_RESPONDING, "the server accepted the connection but did not answer"
                    + " PostgreSQL's start-up request within the time budget");
        } catch (IOException e) {
            throw new Failure(Finding.NOT_POSTGRES, "the connection broke during PostgreSQL's start-up request: "
                    + e.getClass().getSimpleName());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was sent on it
        }
    }
}
