package dev.pdpkit.doctor;

import static dev.pdpkit.doctor.Secrets.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Findings that a real PostgreSQL cannot produce on demand, against small servers on loopback: a server in recovery
 * (57P03), a server whose SELECT 1 is cancelled (57014), a connection attempt nobody answers, a port that accepts and
 * never answers, a port that is not PostgreSQL, a host that does not resolve, and a budget that is used up.
 */
class FakeServerFindingsTest {
    private static final String PASSWORD = "s3cret-Fake-pw";
    private final ConnectionDoctor doctor = ConnectionDoctor.builder().budget(Duration.ofSeconds(10)).build();

    private static String url(int port) {
        return "postgresql://app:" + PASSWORD + "@127.0.0.1:" + port + "/app?sslmode=prefer";
    }

    @Test
    void aServerInRecoveryIsCannotConnectNow() throws IOException {
        try (FakePostgres fake = FakePostgres.refusingStartup("57P03", "the database system is in recovery mode")) {
            DoctorReport report = assertNoSecret(doctor.checkUrl(url(fake.port())), PASSWORD, url(fake.port()));

            assertThat(report.finding()).isEqualTo(Finding.CANNOT_CONNECT_NOW);
            assertThat(report.sqlState()).hasValue("57P03");
            assertThat(report.exitCode()).isEqualTo(71);
            assertThat(report.failedStep()).get().extracting(Step::kind).isEqualTo(Step.Kind.LOGIN);
            assertThat(report.failedStep().get().detail()).contains("recovery mode");
            assertThat(report.toText()).contains("cannot accept connections right now", "Wait a minute");
        }
    }

    @Test
    void anSqlStateWithoutAFindingIsUnexpectedWithItsSqlState() throws IOException {
        try (FakePostgres fake = FakePostgres.refusingStartup("XX000", "internal error")) {
            DoctorReport report = assertNoSecret(doctor.checkUrl(url(fake.port())), PASSWORD);

            assertThat(report.finding()).isEqualTo(Finding.UNEXPECTED_ERROR);
            assertThat(report.sqlState()).hasValue("XX000");
            assertThat(report.exitCode()).isEqualTo(99);
            assertThat(report.toText()).contains("SQLSTATE:  XX000", "internal error");
        }
    }

    /**
     * A real server cannot make {@code SELECT 1} itself slow (statement_timeout applies to slow statements, and
     * pg_sleep is not SELECT 1), so the fake answers it as a server does when the statement was cancelled by
     * statement_timeout or the driver's query timeout: ErrorResponse with SQLSTATE 57014.
     */
    @Test
    void aCancelledSelectOneIsStatementTimeout() throws IOException {
        try (FakePostgres fake = FakePostgres.failingQueries("57014",
                "canceling statement due to statement timeout")) {
            DoctorReport report = assertNoSecret(doctor.checkUrl(url(fake.port())), PASSWORD);

            assertThat(report.finding()).isEqualTo(Finding.STATEMENT_TIMEOUT);
            assertThat(report.sqlState()).hasValue("57014");
            assertThat(report.steps()).extracting(Step::kind, Step::outcome).containsExactly(
                    tuple(Step.Kind.URL, Step.Outcome.PASSED),
                    tuple(Step.Kind.DNS, Step.Outcome.PASSED),
                    tuple(Step.Kind.TCP, Step.Outcome.PASSED),
                    tuple(Step.Kind.SERVER_HELLO, Step.Outcome.PASSED),
                    tuple(Step.Kind.LOGIN, Step.Outcome.PASSED),
                    tuple(Step.Kind.QUERY, Step.Outcome.FAILED));
        }
    }

    @Test
    void aPortThatAcceptsAndNeverAnswersIsServerNotResponding() throws IOException {
        // The kernel completes the TCP handshake for the backlog; nobody ever reads or writes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConnectionDoctor quick = ConnectionDoctor.builder().budget(Duration.ofMillis(1500)).build();
            DoctorReport report = assertNoSecret(quick.checkUrl(url(silent.getLocalPort())), PASSWORD);

            assertThat(report.finding()).isEqualTo(Finding.SERVER_NOT_RESPONDING);
            assertThat(report.failedStep()).get().extracting(Step::kind).isEqualTo(Step.Kind.SERVER_HELLO);
            assertThat(report.exitCode()).isEqualTo(33);
        }
    }

    /**
     * Loopback never drops packets, but Linux drops the SYNs for a listening socket whose accept queue is full, which
     * is what a firewall that drops packets looks like to the client. The queue is filled first; where the kernel
     * behaves otherwise the test is skipped, not passed.
     */
    @Test
    void aConnectionThatGetsNoAnswerIsConnectionTimedOut() throws IOException {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            boolean dropping = false;
            for (int i = 0; i < 10 && !dropping; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 300);
                    queued.add(s);
                } catch (SocketTimeoutException e) {
                    s.close();
                    dropping = true;
                }
            }
            assumeTrue(dropping, "this kernel does not drop connections to a full accept queue");
            ConnectionDoctor quick = ConnectionDoctor.builder().budget(Duration.ofMillis(1500)).build();
            DoctorReport report = assertNoSecret(quick.checkUrl(url(full.getLocalPort())), PASSWORD);

            assertThat(report.finding()).isEqualTo(Finding.CONNECTION_TIMED_OUT);
            assertThat(report.failedStep()).get().extracting(Step::kind).isEqualTo(Step.Kind.TCP);
            assertThat(report.exitCode()).isEqualTo(32);
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
    }

    @Test
    void aPortThatSpeaksSomethingElseIsNotPostgres() throws IOException {
        try (ServerSocket http = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = http.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // test ends
                }
            });
            t.setDaemon(true);
            t.start();
            DoctorReport report = assertNoSecret(doctor.checkUrl(url(http.getLocalPort())), PASSWORD);

            assertThat(report.finding()).isEqualTo(Finding.NOT_POSTGRES);
            assertThat(report.failedStep().get().detail()).contains("0x48");
        }
    }

    @Test
    void aBudgetThatIsUsedUpStopsTheCheck() {
        String url = url(5432);
        DoctorReport report = assertNoSecret(ConnectionDoctor.builder().budget(Duration.ofNanos(1)).build()
                .checkUrl(url), PASSWORD, url);

        assertThat(report.finding()).isEqualTo(Finding.BUDGET_EXHAUSTED);
        assertThat(report.exitCode()).isEqualTo(90);
        assertThat(report.steps()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Step.Kind.URL);
            assertThat(s.detail()).isEqualTo("no time left for this step");
        });
    }

    @Test
    void aHostThatDoesNotResolveIsDnsFailed() {
        // RFC 6761: names under .invalid never resolve.
        String url = "postgres://app:" + PASSWORD + "@no-such-host.invalid:5432/app";
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), PASSWORD, url);

        assertThat(report.finding()).isEqualTo(Finding.DNS_FAILED);
        assertThat(report.target()).hasValue("postgres://****@no-such-host.invalid:5432/app");
        assertThat(report.toJson()).contains("\"finding\":\"DNS_FAILED\"", "\"exitCode\":30", "\"healthy\":false");
    }
}
