package dev.pdpkit.client.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.http.HttpRequest;
import dev.pdpkit.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An attempt whose budget outlasts the socket timeouts is not given OkHttp's call timeout; a server that trickles its
 * answer (each byte well within the read timeout) must still be cut off at the budget, blocking or not.
 */
class DeadlinesTest {
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private ServerSocket server;
    private Thread acceptor;
    private OkHttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "trickle-server");
        acceptor.setDaemon(true);
        acceptor.start();
        transport = OkHttpTransport.create(4, Duration.ofSeconds(30), SOCKET_TIMEOUT, SOCKET_TIMEOUT, SOCKET_TIMEOUT);
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        server.close();
    }

    @Test
    void aTricklingAnswerIsCutOffAtTheBudgetWhenBlocking() {
        Throwable failure = catchThrowable(() -> transport.send(request("/trickle")));

        assertThat(failure).isInstanceOf(PrismaTimeoutException.class);
        assertThat(((PrismaTimeoutException) failure).requestMayHaveBeenSent()).isTrue();
    }

    @Test
    void aTricklingAnswerIsCutOffAtTheBudgetWhenAsynchronous() {
        Throwable failure = catchThrowable(() -> transport.sendAsync(request("/trickle")).get());

        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(PrismaTimeoutException.class);
    }

    @Test
    void promptAnswersAreUntouchedAndLeaveNothingWatched() throws Exception {
        HttpResponse blocking = transport.send(request("/quick"));
        HttpResponse async = transport.sendAsync(request("/quick")).get();

        assertThat(new String(blocking.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(async.statusCode()).isEqualTo(200);
        assertThat(Deadlines.SHARED.watching()).isZero();
    }

    @Test
    void aStalledReadEndsAtTheReadTimeoutLongBeforeALongBudget() {
        // The transport's main client has OkHttp's read timeout off; the kernel must still end the stalled read.
        HttpRequest request = HttpRequest.of("GET", "http://127.0.0.1:" + server.getLocalPort() + "/stall",
                HttpHeaders.empty(), null, Duration.ofMinutes(5));

        Throwable failure = catchThrowable(() -> transport.send(request));

        assertThat(failure).isInstanceOf(PrismaTimeoutException.class);
        // The kernel's read timeout, not the watchdog's cancel at the end of the five-minute budget.
        assertThat(failure.getCause()).isInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(Deadlines.SHARED.watching()).isZero();
    }

    @Test
    void aStalledReadWithinABudgetNoLongerThanTheReadTimeoutEndsAtTheBudget() {
        // The read timeout could not end the read before the budget does, so the socket is left without one (a JDK
        // socket with a timeout reads non-blocking, polling when it has to wait): the watchdog ends it, as a timeout.
        HttpRequest request = HttpRequest.of("GET", "http://127.0.0.1:" + server.getLocalPort() + "/stall",
                HttpHeaders.empty(), null, SOCKET_TIMEOUT);

        Throwable failure = catchThrowable(() -> transport.send(request));

        assertThat(failure).isInstanceOf(PrismaTimeoutException.class);
        assertThat(((PrismaTimeoutException) failure).requestMayHaveBeenSent()).isTrue();
        assertThat(failure.getCause()).isNotInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(Deadlines.SHARED.watching()).isZero();
    }

    @Test
    void aThreadsNextCallIsNotCutByTheDeadlineOfItsLastOne() throws Exception {
        // The first call is cut at its budget; the same thread's slot then carries a fresh entry.
        assertThat(catchThrowable(() -> transport.send(request("/trickle")))).isInstanceOf(PrismaTimeoutException.class);
        for (int i = 0; i < 3; i++) {
            assertThat(transport.send(request("/quick")).statusCode()).isEqualTo(200);
            Thread.sleep(Deadlines.TICK_MILLIS);
        }
        assertThat(Deadlines.SHARED.watching()).isZero();
    }

    @Test
    void theSlotOfAThreadThatEndedIsDropped() throws Exception {
        Thread caller = new Thread(() -> transport.send(request("/quick")), "short-lived-caller");
        caller.start();
        caller.join();
        // The watchdog drops it on one of its next rounds; wait for that rather than for a fixed time.
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Deadlines.SHARED.holds(caller) && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(Deadlines.SHARED.holds(caller)).isFalse();
    }

    private HttpRequest request(String path) {
        return HttpRequest.of("GET", "http://127.0.0.1:" + server.getLocalPort() + path, HttpHeaders.empty(), null,
                BUDGET);
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> answer(s), "trickle-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * {@code /quick} answers at once; {@code /stall} sends the head and one byte, then nothing; anything else sends one
     * byte of a long body every 300 ms.
     */
    private static void answer(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                head.append((char) c);
            }
            OutputStream out = s.getOutputStream();
            if (head.toString().startsWith("GET /quick")) {
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (head.toString().startsWith("GET /stall")) {
                out.flush();
                Thread.sleep(30_000); // until the client hangs up
                return;
            }
            for (int i = 0; i < 99; i++) {
                out.flush();
                Thread.sleep(300);
                out.write(' ');
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up: that is the point
        }
    }
}
