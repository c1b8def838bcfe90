package dev.pdpkit.doctor;

import static dev.pdpkit.doctor.Secrets.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.fixtures.postgres.LocalPostgres;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL that accepts logins only over TLS ({@code ssl = on} and a {@code hostssl} line), with a
 * self-signed certificate made for the test: TLS refused by the client, TLS used, and a certificate the client does
 * not trust.
 */
class TlsFindingsTest {
    private static final String APP_PASSWORD = "tls-Pw-0b5d77e4";
    private static SelfSignedCert serverCert;
    private static SelfSignedCert otherCa;
    private static LocalPostgres pg;
    private final ConnectionDoctor doctor = ConnectionDoctor.builder().budget(Duration.ofSeconds(20)).build();

    @BeforeAll
    static void startServer() throws IOException, InterruptedException {
        serverCert = SelfSignedCert.create("127.0.0.1");
        otherCa = SelfSignedCert.create("someone-else");
        pg = LocalPostgres.builder()
                .setting("ssl", "on")
                .setting("ssl_cert_file", "'" + serverCert.cert + "'")
                .setting("ssl_key_file", "'" + serverCert.key + "'")
                .hbaLine("hostssl all all 127.0.0.1/32 scram-sha-256")
                .start();
        pg.psql("postgres", "CREATE ROLE app LOGIN PASSWORD '" + APP_PASSWORD + "'");
        pg.psql("postgres", "CREATE ROLE locked NOLOGIN PASSWORD '" + APP_PASSWORD + "'");
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (pg != null) {
            pg.close();
        }
        for (SelfSignedCert c : new SelfSignedCert[] {serverCert, otherCa}) {
            if (c != null) {
                c.delete();
            }
        }
    }

    private static String url(String query) {
        return "postgresql://app:" + APP_PASSWORD + "@127.0.0.1:" + pg.port() + "/postgres" + query;
    }

    @Test
    void tlsRequiredByTheServerAndDisabledByTheClientIsTlsRequired() {
        String url = url("?sslmode=disable");
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

        assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.TLS_REQUIRED);
        assertThat(report.sqlState()).hasValue("28000");
        assertThat(report.exitCode()).isEqualTo(40);
        assertThat(report.failedStep().get().detail()).contains("the same login over TLS succeeded");
        assertThat(report.toText()).contains("Remove sslmode=disable");
    }

    @Test
    void tlsIsNamedFirstEvenWhenThePasswordIsAlsoWrong() {
        String url = "postgresql://app:Wrong-pw-42@127.0.0.1:" + pg.port() + "/postgres?sslmode=disable";
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), "Wrong-pw-42", url);

        assertThat(report.finding()).isEqualTo(Finding.TLS_REQUIRED);
        assertThat(report.failedStep().get().detail()).contains("over TLS the login got further",
                "password authentication failed");
    }

    @Test
    void aRoleThatMayNotLogInIsAuthRejected() {
        String url = "postgresql://locked:" + APP_PASSWORD + "@127.0.0.1:" + pg.port() + "/postgres?sslmode=require";
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

        assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.AUTH_REJECTED);
        assertThat(report.sqlState()).hasValue("28000");
        assertThat(report.exitCode()).isEqualTo(51);
    }

    @Test
    void theSameServerIsOkWhenTheClientUsesTls() {
        for (String mode : new String[] {"require", "prefer"}) {
            String url = url("?sslmode=" + mode);
            DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

            assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.OK);
            assertThat(report.steps().get(3).detail()).contains("offers TLS");
        }
    }

    @Test
    void aCertificateTheClientDoesNotTrustIsTlsHandshakeFailed() {
        String url = url("?sslmode=verify-full&sslrootcert=" + otherCa.cert);
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

        assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.TLS_HANDSHAKE_FAILED);
        assertThat(report.failedStep()).get().extracting(Step::kind).isEqualTo(Step.Kind.LOGIN);
    }

    @Test
    void aMissingRootCertificateFileIsATlsProblem() {
        String url = url("?sslmode=verify-full&sslrootcert=/nonexistent/root.crt");
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

        assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.TLS_HANDSHAKE_FAILED);
        assertThat(report.failedStep().get().detail()).contains("/nonexistent/root.crt");
    }
}
