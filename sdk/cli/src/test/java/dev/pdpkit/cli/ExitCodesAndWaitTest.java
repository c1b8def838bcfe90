package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.PrismaEmulator;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented exit codes, one-line errors, and {@code --wait} against a realistic provisioning delay. */
class ExitCodesAndWaitTest {
    static PrismaEmulator emulator;
    @TempDir
    Path config;
    PdpRunner pdp;

    @BeforeAll
    static void start() {
        emulator = PrismaEmulator.builder().provisioningDelay(Duration.ofMillis(1500)).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void runner() {
        pdp = new PdpRunner(emulator, config);
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void authFailuresExitWith3() {
        PdpRunner.Result none = pdp.set("PRISMA_SERVICE_TOKEN", null).run("whoami");
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err()).isEqualTo("pdp: error: not signed in: set PRISMA_SERVICE_TOKEN or run `pdp login`\n");

        PdpRunner.Result rejected = pdp.set("PRISMA_SERVICE_TOKEN", "pst_not-a-real-token").run("whoami");
        assertThat(rejected.exitCode()).isEqualTo(3);
        assertThat(rejected.err()).contains("HTTP 401", "request id ").doesNotContain("pst_not-a-real-token");
    }

    @Test
    void notFoundConflictRateLimitAndServerErrors() {
        assertThat(pdp.run("projects", "get", "proj_missing").exitCode()).isEqualTo(4);

        emulator.faults().nextRequests("GET /v1/projects/{id}", 1).respond(409);
        assertThat(pdp.run("projects", "get", "proj_x").exitCode()).isEqualTo(5);

        emulator.faults().allRequests("GET /v1/me").respond(429);
        PdpRunner.Result limited = pdp.run("whoami");
        assertThat(limited.exitCode()).isEqualTo(6);
        assertThat(limited.err()).contains("HTTP 429");
        emulator.faults().clear();

        emulator.faults().allRequests("GET /v1/me").respond(503);
        assertThat(pdp.run("whoami").exitCode()).isEqualTo(6);
    }

    @Test
    void unreachableApiIsTransient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PdpRunner.Result r = pdp.set("PRISMA_API_URL", "http://127.0.0.1:" + port).run("whoami");
        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(pdp.run("projects", "list", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(pdp.run("projects", "create").err()).contains("Missing required option: '--name=NAME'");
        assertThat(pdp.run("tokens", "rotate", "--older-than", "soon", "--dry-run").exitCode()).isEqualTo(2);
        PdpRunner.Result insecure = pdp.set("PRISMA_API_URL", "http://api.example.com").run("whoami");
        assertThat(insecure.exitCode()).isEqualTo(2);
        assertThat(insecure.err()).contains("PRISMA_API_URL").contains("refusing plain http");
        assertThat(pdp.run().exitCode()).isEqualTo(2); // a group without a subcommand prints its usage
    }

    @Test
    void stackTraceOnlyWithVerbose() {
        PdpRunner.Result plain = pdp.run("projects", "get", "proj_missing");
        assertThat(plain.err().lines()).hasSize(1);
        PdpRunner.Result verbose = pdp.run("projects", "get", "proj_missing", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(4);
        assertThat(verbose.err()).contains("NotFoundException", "\tat ");
    }

    @Test
    void waitPrintsPlainProgressLinesWhenNotATerminal() {
        String project = pdp.run("projects", "create", "--name", "wait", "--no-database", "-q").out().strip();
        PdpRunner.Result r = pdp.run("databases", "create", "--project", project, "--name", "w", "--region",
                "us-east-1", "--wait", "--poll-interval", "200ms", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode db = r.json();
        assertThat(db.get("status").asText()).isEqualTo("ready");
        assertThat(r.err()).doesNotContain("\r").contains("is ready");
        assertThat(r.err().lines().filter(l -> l.startsWith("waiting for database " + db.get("id").asText()
                + ": provisioning"))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void waitRedrawsOneLineOnATerminal() {
        String project = pdp.run("projects", "create", "--name", "tty", "--no-database", "-q").out().strip();
        PdpRunner.Result r = pdp.terminal(true).run("databases", "create", "--project", project, "--region",
                "us-east-1", "--wait", "--poll-interval", "200ms");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("\r\033[Kwaiting for database").contains("is ready");
        assertThat(r.out()).contains("status", "ready");
    }

    @Test
    void waitTimeoutIsTransientAndAFailedDatabaseIsAnError() {
        String project = pdp.run("projects", "create", "--name", "slow", "--no-database", "-q").out().strip();
        PdpRunner.Result timedOut = pdp.run("databases", "create", "--project", project, "--region", "us-east-1",
                "--wait", "--timeout", "300ms", "--poll-interval", "100ms", "-q");
        assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(6);
        assertThat(timedOut.out()).isEmpty();

        String id = pdp.run("databases", "create", "--project", project, "--region", "us-east-1", "-q").out()
                .strip();
        emulator.failDatabase(id, true);
        PdpRunner.Result failed = pdp.run("databases", "wait", id, "--poll-interval", "100ms");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).endsWith("pdp: error: database " + id + " failed (status failure)\n");

        // The API's own 409 (restoring a failed database) is a conflict.
        PdpRunner.Result conflict = pdp.run("databases", "restore", id, "--backup",
                emulator.addBackup(id, java.time.Instant.now().minusSeconds(60)));
        assertThat(conflict.exitCode()).as(conflict.toString()).isEqualTo(5);
    }
}
