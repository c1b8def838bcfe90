package dev.pdpkit.doctor;

import static dev.pdpkit.doctor.Secrets.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.fixtures.postgres.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Findings against a real PostgreSQL on loopback (without TLS): healthy in every URL form, wrong password, unknown
 * database, TLS demanded by the client but not offered, max_connections exhausted, a stopped server, and a pooled URL
 * where a direct one is needed.
 */
class PostgresFindingsTest {
    private static final String APP_PASSWORD = "app-Pw-7f3c9e21";
    private static LocalPostgres pg;
    private final ConnectionDoctor doctor = ConnectionDoctor.builder().budget(Duration.ofSeconds(20)).build();

    @BeforeAll
    static void startServer() {
        // 5 slots, 3 of them reserved for superusers: the app role gets 2 (PostgreSQL 15 has no reserved_connections).
        pg = LocalPostgres.builder().setting("max_connections", "5")
                .setting("superuser_reserved_connections", "3").start();
        pg.psql("postgres", "CREATE ROLE app LOGIN PASSWORD '" + APP_PASSWORD + "'");
        pg.psql("postgres", "CREATE DATABASE app OWNER app");
    }

    @AfterAll
    static void stopServer() {
        if (pg != null) {
            pg.close();
        }
    }

    private static String url(String scheme, String password, String database, String query) {
        return scheme + "://app:" + password + "@" + pg.host() + ":" + pg.port() + "/" + database + query;
    }

    @Test
    void aHealthyDatabaseIsOkInEveryUrlForm() {
        for (String url : List.of(url("postgres", APP_PASSWORD, "app", ""),
                url("postgresql", APP_PASSWORD, "app", "?sslmode=prefer&application_name=shop"),
                pg.jdbcUrl("app") + "?user=app&password=" + APP_PASSWORD)) {
            DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

            assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.OK);
            assertThat(report.exitCode()).isZero();
            assertThat(report.healthy()).isTrue();
            assertThat(report.steps()).extracting(Step::outcome).containsOnly(Step.Outcome.PASSED).hasSize(6);
            assertThat(report.steps().get(5).detail()).startsWith("SELECT 1 answered 1 (PostgreSQL ");
            assertThat(report.toText()).startsWith("OK: The database accepts connections");
        }
    }

    @Test
    void aWrongPasswordIsAuthFailed() {
        String url = url("postgresql", "rotated-Away-99", "app", "");
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), "rotated-Away-99", url);

        assertThat(report.finding()).isEqualTo(Finding.AUTH_FAILED);
        assertThat(report.sqlState()).hasValue("28P01");
        assertThat(report.exitCode()).isEqualTo(50);
        assertThat(report.toText()).contains("rotated or deleted", "password authentication failed");
        assertThat(report.toJson()).contains("\"sqlState\":\"28P01\"", "\"step\":\"login\",\"outcome\":\"failed\"");
    }

    /** The JSON shape is documented in the README; this keeps the two together (Jackson comes with the client). */
    @Test
    void theJsonReportHasTheDocumentedShape() throws Exception {
        String url = url("postgres", "rotated-Away-99", "app", "");
        JsonNode json = new ObjectMapper().readTree(doctor.checkUrl(url).toJson());

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("schema", "finding", "severity", "healthy", "exitCode", "summary",
                "meaning", "nextStep", "target", "databaseId", "sqlState", "hints", "durationMs", "steps");
        assertThat(json.path("schema").asText()).isEqualTo("pdpkit-doctor/1");
        assertThat(json.path("severity").asText()).isEqualTo("failure");
        assertThat(json.path("databaseId").isNull()).isTrue();
        assertThat(json.path("exitCode").asInt()).isEqualTo(50);
        JsonNode last = json.path("steps").get(json.path("steps").size() - 1);
        List<String> stepFields = new ArrayList<>();
        last.fieldNames().forEachRemaining(stepFields::add);
        assertThat(stepFields).containsExactly("step", "outcome", "durationMs", "detail");
        assertThat(last.path("step").asText()).isEqualTo("login");
        assertThat(last.path("detail").asText()).contains("\"app\"");
    }

    @Test
    void anUnknownDatabaseNameIsReported() {
        String url = url("postgres", APP_PASSWORD, "shop_prod", "");
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

        assertThat(report.finding()).isEqualTo(Finding.UNKNOWN_DATABASE_NAME);
        assertThat(report.sqlState()).hasValue("3D000");
        assertThat(report.target()).hasValue("postgres://****@127.0.0.1:" + pg.port() + "/shop_prod");
    }

    @Test
    void tlsRequiredByTheClientButNotOfferedIsReportedBeforeTheLogin() {
        String url = url("postgres", APP_PASSWORD, "app", "?sslmode=require");
        DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

        assertThat(report.finding()).isEqualTo(Finding.TLS_NOT_OFFERED);
        assertThat(report.failedStep()).get().extracting(Step::kind).isEqualTo(Step.Kind.SERVER_HELLO);
    }

    @Test
    void exhaustedMaxConnectionsIsTooManyConnections() throws SQLException {
        awaitNoAppSessions();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(DriverManager.getConnection(pg.jdbcUrl("app"), "app", APP_PASSWORD));
            }
            String url = url("postgres", APP_PASSWORD, "app", "");
            DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

            assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.TOO_MANY_CONNECTIONS);
            assertThat(report.sqlState()).hasValue("53300");
        } finally {
            for (Connection c : held) {
                c.close();
            }
            awaitNoAppSessions();
        }
    }

    /** Backends exit shortly after their client closes; the next test must find the slots free again. */
    private static void awaitNoAppSessions() {
        for (int i = 0; i < 100 && !pg.psql("postgres",
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'app'").strip().equals("0"); i++) {
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aStoppedServerIsConnectionRefused() {
        pg.stop();
        try {
            String url = url("postgres", APP_PASSWORD, "app", "");
            DoctorReport report = assertNoSecret(doctor.checkUrl(url), APP_PASSWORD, url);

            assertThat(report.finding()).isEqualTo(Finding.CONNECTION_REFUSED);
            assertThat(report.failedStep()).get().extracting(Step::kind).isEqualTo(Step.Kind.TCP);
            assertThat(report.exitCode()).isEqualTo(31);
        } finally {
            pg.start();
        }
    }

    @Test
    void aPooledUrlWhereADirectOneIsNeededIsAWarning() {
        String url = url("postgres", APP_PASSWORD, "app", "?pgbouncer=true");
        ConnectionDoctor forMigrations = ConnectionDoctor.builder().requireDirect(true).build();
        DoctorReport report = assertNoSecret(forMigrations.checkUrl(url), APP_PASSWORD, url);

        assertThat(report.finding()).isEqualTo(Finding.POOLED_URL_WHERE_DIRECT_NEEDED);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.steps().get(0).outcome()).isEqualTo(Step.Outcome.WARNED);
        assertThat(report.toText()).startsWith("WARNING: ");

        DoctorReport forApps = doctor.checkUrl(url);
        assertThat(forApps.finding()).isEqualTo(Finding.OK);
        assertThat(forApps.hints()).anyMatch(h -> h.contains("pooled connection string"));
    }
}
