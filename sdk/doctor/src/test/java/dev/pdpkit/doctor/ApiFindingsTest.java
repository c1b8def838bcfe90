package dev.pdpkit.doctor;

import static dev.pdpkit.doctor.Secrets.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.BackupSource;
import dev.pdpkit.client.model.Connection;
import dev.pdpkit.client.model.DatabaseRestoreParams;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.api.ConnectionHosts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Database states from the Management API, served by the emulator: provisioning, recovering, failed, deleted, a
 * rejected token, and a ready database whose endpoint (a fake PostgreSQL on loopback) answers.
 */
class ApiFindingsTest {
    private static FakePostgres server;
    private static PrismaEmulator emulator;
    private static PrismaManagement client;
    private static ConnectionDoctor doctor;

    @BeforeAll
    static void start() throws IOException {
        server = FakePostgres.refusingStartup("57P03", "the database system is starting up");
        emulator = PrismaEmulator.builder()
                .connectionHosts(new ConnectionHosts("127.0.0.1", "127.0.0.1", server.port(),
                        "accelerate.prisma-data.net", "postgres"))
                .restoreDelay(Duration.ofHours(1))
                .start();
        client = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                .serviceToken(emulator.partnerServiceToken()).maxRetries(0).build();
        doctor = ConnectionDoctor.builder().client(client).budget(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        emulator.close();
        server.close();
    }

    private static String newDatabase(String name) {
        return client.projects().create(ProjectCreateParams.builder().name(name).region(RegionId.US_EAST_1).build())
                .database().orElseThrow().id();
    }

    @Test
    void aProvisioningDatabaseIsReportedFromTheApi() {
        emulator.provisioningDelay(Duration.ofHours(1));
        String id;
        try {
            id = newDatabase("slow");
        } finally {
            emulator.provisioningDelay(Duration.ZERO);
        }
        DoctorReport report = doctor.checkDatabase(id, null);

        assertThat(report.finding()).isEqualTo(Finding.DATABASE_PROVISIONING);
        assertThat(report.exitCode()).isEqualTo(10);
        assertThat(report.databaseId()).hasValue(id);
        assertThat(report.steps()).extracting(Step::kind).containsExactly(Step.Kind.API_STATUS);
        assertThat(report.toText()).contains("still being provisioned", "'provisioning'");
    }

    @Test
    void aFailedDatabaseIsReported() {
        String id = newDatabase("broken");
        emulator.failDatabase(id, true);

        DoctorReport report = doctor.checkDatabase(id, null);

        assertThat(report.finding()).isEqualTo(Finding.DATABASE_FAILED);
        assertThat(report.toJson()).contains("\"finding\":\"DATABASE_FAILED\"", "\"databaseId\":\"" + id + "\"");
    }

    @Test
    void aRestoringDatabaseIsRecovering() {
        String id = newDatabase("restoring");
        String backup = emulator.addBackup(id, Instant.now().minusSeconds(3600));
        client.databases().restore(DatabaseRestoreParams.builder().targetDatabaseId(id)
                .source(BackupSource.builder().databaseId(id).backupId(backup).build()).build());

        assertThat(doctor.checkDatabase(id, null).finding()).isEqualTo(Finding.DATABASE_RECOVERING);
    }

    @Test
    void aDeletedDatabaseIsReported() {
        String id = newDatabase("gone");
        String projectId = client.databases().get(id).project().id();
        client.projects().delete(projectId);

        DoctorReport report = doctor.checkDatabase(id, "postgres://u:deleted-Pw-123@127.0.0.1:1/postgres");

        assertThat(report.finding()).isEqualTo(Finding.DATABASE_DELETED);
        assertThat(report.failedStep().get().detail()).contains("404");
        assertNoSecret(report, "deleted-Pw-123", emulator.partnerServiceToken());
    }

    @Test
    void aRejectedTokenIsApiUnauthorized() {
        String id = newDatabase("token");
        try (PrismaManagement stranger = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                .serviceToken("not-a-real-token-123").maxRetries(0).build()) {
            DoctorReport report = ConnectionDoctor.builder().client(stranger).build().checkDatabase(id, null);

            assertThat(report.finding()).isEqualTo(Finding.API_UNAUTHORIZED);
            assertNoSecret(report, "not-a-real-token-123");
        }
    }

    @Test
    void anApiThatCannotBeReachedIsApiUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (PrismaManagement nowhere = PrismaManagement.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .serviceToken("unreachable-token-123").maxRetries(0).build()) {
            DoctorReport report = ConnectionDoctor.builder().client(nowhere).build().checkDatabase("db_x", null);

            assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.API_UNAVAILABLE);
            assertThat(report.exitCode()).isEqualTo(15);
            assertNoSecret(report, "unreachable-token-123");
        }
    }

    @Test
    void aReadyDatabaseWithoutAUrlIsCheckedUpToTheServersHello() {
        String id = newDatabase("ready");

        DoctorReport report = doctor.checkDatabase(id, null);

        assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.SERVER_REACHABLE);
        assertThat(report.exitCode()).isZero();
        assertThat(report.target()).hasValue("127.0.0.1:" + server.port());
        assertThat(report.steps()).extracting(Step::outcome).containsExactly(Step.Outcome.PASSED,
                Step.Outcome.SKIPPED, Step.Outcome.PASSED, Step.Outcome.PASSED, Step.Outcome.PASSED,
                Step.Outcome.SKIPPED, Step.Outcome.SKIPPED);
    }

    @Test
    void aReadyDatabaseWithAUrlGoesOnToTheLogin() {
        String id = newDatabase("starting");
        String url = "postgres://u:starting-Pw-456@127.0.0.1:" + server.port() + "/postgres";

        DoctorReport report = assertNoSecret(doctor.checkDatabase(id, url), "starting-Pw-456", url);

        assertThat(report.finding()).isEqualTo(Finding.CANNOT_CONNECT_NOW);
        assertThat(report.steps().get(0).kind()).isEqualTo(Step.Kind.API_STATUS);
    }

    @Test
    void aReadyDatabaseWithoutConnectionsHasNoEndpoint() {
        String id = newDatabase("bare");
        List<String> connectionIds = client.databases().connections().list(id).autoPager().stream()
                .map(Connection::id).toList();
        connectionIds.forEach(client.connections()::delete);

        DoctorReport report = doctor.checkDatabase(id, null);

        assertThat(report.finding()).as(report.toText()).isEqualTo(Finding.NO_ENDPOINT);
        assertThat(report.exitCode()).isEqualTo(22);
    }

    @Test
    void aUrlForAnotherHostThanTheDatabasesEndpointsGetsAHint() {
        String id = newDatabase("elsewhere");
        String url = "postgres://u:elsewhere-Pw-789@localhost:" + server.port() + "/postgres";

        DoctorReport report = assertNoSecret(doctor.checkDatabase(id, url), "elsewhere-Pw-789", url);

        assertThat(report.hints()).anyMatch(h -> h.contains("not one of this database's endpoints")
                && h.contains("127.0.0.1:" + server.port()));
        assertThat(report.finding()).isEqualTo(Finding.CANNOT_CONNECT_NOW);
    }

    @Test
    void checkDatabaseWithoutAClientIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> ConnectionDoctor.builder().build().checkDatabase("db_x", null))
                .isInstanceOf(DoctorException.class).hasMessageContaining("client");
    }
}
