package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every README {@code pdp} example in order, in-process against the emulator; each must exit 0. Files the
 * examples name are relative to a temporary folder. {@code pdp emulator} runs until interrupted, so the launcher test
 * runs that line as a real process instead.
 */
class ReadmeExamplesTest {
    private static final Set<String> FILE_OPTIONS = Set.of("--output", "-o", "--recipient-token-file", "--token-file", "--url-file");

    static PrismaEmulator emulator;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        // Connection strings point at a closed loopback port, so the doctor examples end quickly (refused).
        emulator = ClosedPort.emulatorPointingAt(ClosedPort.find(), Duration.ofMillis(300));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void everyReadmeExampleRuns() throws IOException {
        // The transfer example's recipient: another user's access token, for the other workspace.
        Files.writeString(dir.resolve("recipient-token.txt"),
                emulator.issueAccessToken(emulator.userWorkspace().id()));
        PdpRunner pdp = new PdpRunner(emulator, dir.resolve("config"))
                .set("PRISMA_AUTH_URL", emulator.issuerUrl())
                .set("PDP_CLIENT_ID", PrismaEmulator.PUBLIC_CLIENT_ID)
                .browser(url -> CompletableFuture.runAsync(() -> LoginTest.visit(url)));
        Map<String, String> vars = new HashMap<>();
        List<String> ran = new ArrayList<>();
        for (ReadmeExamples.Example example : ReadmeExamples.all()) {
            List<String> args = files(example.args(vars));
            if (args.get(0).equals("emulator")) {
                continue; // LauncherProcessTest
            }
            ran.add(args.get(0));
            PdpRunner.Result r = pdp.run(args.toArray(new String[0]));
            if (args.get(0).equals("doctor")) {
                // The doctor exits with its finding's code: here the endpoint refuses connections.
                assertThat(r.exitCode()).as(example.command() + "\n" + r).isEqualTo(31);
                assertThat(r.out()).contains("refused");
                continue;
            }
            assertThat(r.exitCode()).as(example.command() + "\n" + r).isZero();
            if (example.variable() != null) {
                String value = r.out().strip();
                assertThat(value).as(example.command()).isNotEmpty().doesNotContain("\n");
                vars.put(example.variable(), value);
                if (value.startsWith("db_")) {
                    emulator.addBackup(value, Instant.now().minusSeconds(3600)); // the emulator seeds none
                }
            }
        }
        assertThat(ran).contains("--version", "whoami", "doctor", "workspaces", "regions", "projects", "databases",
                "connections", "tokens", "login", "logout", "completion");
        assertThat(Files.readString(dir.resolve("prisma-token.txt"))).startsWith("pst_");
    }

    private List<String> files(List<String> args) {
        List<String> out = new ArrayList<>(args);
        for (int i = 1; i < out.size(); i++) {
            if (FILE_OPTIONS.contains(out.get(i - 1)) && !Path.of(out.get(i)).isAbsolute()) {
                out.set(i, dir.resolve(out.get(i)).toString());
            }
        }
        return out;
    }

    @Test
    void theLittleShellSplitsAndSubstitutes() {
        ReadmeExamples.Example e = new ReadmeExamples.Example("X", "pdp projects create --name \"a b\" --x $V");
        assertThat(e.args(Map.of("V", "v1"))).containsExactly("projects", "create", "--name", "a b", "--x", "v1");
    }
}
