package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.PrismaEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pdp doctor} runs pdpkit-doctor against the emulator and a closed loopback port: the report's text or JSON,
 * its exit code, and no password in the output.
 */
class DoctorCommandTest {
    static PrismaEmulator emulator;
    static int closedPort;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        closedPort = ClosedPort.find();
        emulator = ClosedPort.emulatorPointingAt(closedPort, Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aUrlToAClosedPortIsConnectionRefused() throws Exception {
        PdpRunner pdp = new PdpRunner(emulator, dir).set("PRISMA_SERVICE_TOKEN", null);
        String url = "postgres://app:s3cret-pass@127.0.0.1:" + closedPort + "/postgres?sslmode=disable";
        PdpRunner.Result r = pdp.run("doctor", "--url", url, "--budget", "10s", "--json");
        JsonNode report = r.json();
        assertThat(report.get("schema").asText()).isEqualTo("pdpkit-doctor/1");
        assertThat(report.get("finding").asText()).isEqualTo("CONNECTION_REFUSED");
        assertThat(r.exitCode()).isEqualTo(report.get("exitCode").asInt()).isEqualTo(31);
        assertThat(r.out() + r.err()).doesNotContain("s3cret-pass");

        Path file = dir.resolve("db-url.txt");
        Files.writeString(file, url + "\n");
        PdpRunner.Result text = pdp.run("doctor", "--url-file", file.toString(), "--budget", "10s");
        assertThat(text.exitCode()).isEqualTo(31);
        assertThat(text.out()).contains("refused").doesNotContain("s3cret-pass");
    }

    @Test
    void aDatabaseIdIsCheckedThroughTheApiFirst() {
        PdpRunner pdp = new PdpRunner(emulator, dir);
        String db = pdp.run("projects", "create", "--name", "doc", "--json").json().get("databaseId").asText();
        PdpRunner.Result r = pdp.run("doctor", db, "--budget", "10s", "--json");
        assertThat(r.json().get("databaseId").asText()).isEqualTo(db);
        assertThat(r.json().get("finding").asText()).isEqualTo("CONNECTION_REFUSED"); // the endpoint the API lists
        assertThat(r.exitCode()).isEqualTo(31);

        PdpRunner.Result deleted = pdp.run("doctor", "db_missing", "--budget", "10s", "--json");
        assertThat(deleted.json().get("finding").asText()).isEqualTo("DATABASE_DELETED");
        assertThat(deleted.exitCode()).isEqualTo(13);
    }

    @Test
    void nothingToCheckIsAUsageError() {
        PdpRunner.Result r = new PdpRunner(emulator, dir).run("doctor");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("DATABASE_ID", "--url");
    }
}
