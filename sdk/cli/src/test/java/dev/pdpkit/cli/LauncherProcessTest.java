package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.oauth.FileTokenStore;
import dev.pdpkit.oauth.OAuthTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pdp} launcher that {@code package} builds, run as real processes (after {@code package}, by failsafe):
 * the emulator from the same artifact, exit codes, the 0600 file, completion, and two processes refreshing one OAuth
 * login at the same time.
 */
class LauncherProcessTest {
    private static final Path LAUNCHER = Path.of("target", "pdp", "bin", "pdp").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void built() {
        assertThat(LAUNCHER).as("run `mvn package` first").isExecutable();
    }

    /** One finished process. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private ProcessBuilder pdp(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PRISMA_") || k.startsWith("PDP_"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // One archive for the whole suite: the first run builds it, the others use it.
        pb.environment().put("PDP_CDS_DIR", Path.of("target", "test-cds").toAbsolutePath().toString());
        pb.environment().put("PDP_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().putAll(env);
        return pb;
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Process p = pdp(env, args).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("pdp " + String.join(" ", args)).isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void emulatorFromTheSameArtifactAndCommandsAgainstIt() throws Exception {
        String readmeLine = ReadmeExamples.all().stream().map(ReadmeExamples.Example::command)
                .filter(c -> c.startsWith("pdp emulator")).findFirst().orElseThrow();
        List<String> args = new ArrayList<>(ReadmeExamples.split(readmeLine).subList(1,
                ReadmeExamples.split(readmeLine).size()));
        args.set(args.indexOf("--port") + 1, "0"); // any free port
        Process emulator = pdp(Map.of(), args.toArray(new String[0])).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
                    StandardCharsets.UTF_8));
            String api = null;
            String token = null;
            for (String line = lines.readLine(); line != null && token == null; line = lines.readLine()) {
                if (line.contains("Management API :")) {
                    api = line.substring(line.indexOf(": ") + 2).strip();
                } else if (line.contains("service token:")) {
                    token = line.substring(line.indexOf(": ") + 2).strip();
                }
            }
            assertThat(api).startsWith("http://127.0.0.1:");
            assertThat(token).startsWith("pst_");
            Map<String, String> env = Map.of("PRISMA_API_URL", api, "PRISMA_SERVICE_TOKEN", token);

            Run whoami = run(env, "whoami", "--json");
            assertThat(whoami.exitCode()).as(whoami.err()).isZero();
            assertThat(whoami.json().get("workspaceName").asText()).isEqualTo("Partner Workspace");
            assertThat(whoami.err()).isEmpty(); // no JVM or logging noise

            // A service token on a loopback http URL loads no OAuth, TLS set-up or emulator classes.
            Path classes = dir.resolve("classes.log");
            Map<String, String> logged = new HashMap<>(env);
            logged.put("PDP_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
            assertThat(run(logged, "whoami").exitCode()).isZero();
            String loaded = Files.readString(classes);
            assertThat(loaded).contains("dev.pdpkit.cli.commands.WhoamiCommand")
                    .doesNotContain("dev.pdpkit.oauth.", "com.nimbusds.", "javax.net.ssl.SSLContext ",
                            "javax.net.ssl.TrustManagerFactory ", "dev.pdpkit.emulator.",
                            "dev.pdpkit.cli.commands.DatabasesCommand ");

            Run verbose = run(env, "whoami", "--verbose");
            assertThat(verbose.err()).contains("GET /v1/me").doesNotContain(token);

            Run missing = run(env, "projects", "get", "proj_missing");
            assertThat(missing.exitCode()).isEqualTo(4);
            assertThat(missing.err()).startsWith("pdp: error: ").contains("HTTP 404");

            String project = run(env, "projects", "create", "--name", "p", "--quiet").out().strip();
            String db = run(env, "databases", "list", "--project", project, "--quiet").out().strip();
            Path file = dir.resolve("db-url.txt");
            Run conn = run(env, "connections", "create", "--database", db, "--name", "x", "--output",
                    file.toString());
            assertThat(conn.exitCode()).as(conn.err()).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(conn.out()).doesNotContain(Files.readString(file).strip());
            assertThat(run(env, "connections", "create", "--database", db, "--name", "y", "--output",
                    file.toString()).exitCode()).isEqualTo(5);
        } finally {
            emulator.destroy();
            assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void versionAndCompletionScripts() throws Exception {
        Run version = run(Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("pdp ");
        Run bash = run(Map.of(), "completion", "bash");
        assertThat(bash.exitCode()).isZero();
        Path script = dir.resolve("pdp-completion.bash");
        Files.writeString(script, bash.out());
        // The generated script is valid bash and defines the completion function.
        Process check = new ProcessBuilder("bash", "-c", "source '" + script + "' && complete -p pdp")
                .redirectErrorStream(true).start();
        String checked = read(check.getInputStream());
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(checked).isZero();
        assertThat(checked).contains("_complete_pdp");
        assertThat(run(Map.of(), "completion", "zsh").out()).startsWith("#compdef pdp");
    }

    @Test
    void twoProcessesRefreshingTheSameLoginAtOnceNeverReplayTheRefreshToken() throws Exception {
        try (PrismaEmulator emulator = PrismaEmulator.builder().accessTokenLifetime(Duration.ofHours(1)).start()) {
            PdpRunner inProcess = LoginTest.oauthRunner(emulator, dir.resolve("config"))
                    .browser(url -> CompletableFuture.runAsync(() -> LoginTest.visit(url)));
            assertThat(inProcess.run("login").exitCode()).isZero();
            // Make the stored access token expired, so that the next command must refresh.
            FileTokenStore store = new FileTokenStore(dir.resolve("config").resolve("oauth-tokens.json"));
            OAuthTokens t = store.load().orElseThrow();
            store.save(OAuthTokens.of(t.accessToken(), t.refreshToken().orElseThrow(),
                    Instant.now().minusSeconds(5), t.workspaceId().orElse(null), t.scopes()));
            long refreshesBefore = emulator.authServer().orElseThrow().counters().refreshes();

            Map<String, String> env = new HashMap<>(Map.of("PRISMA_API_URL", emulator.baseUrl()));
            Process a = pdp(env, "whoami", "--json").start();
            Process b = pdp(env, "whoami", "--json").start();
            CompletableFuture<String> aErr = CompletableFuture.supplyAsync(() -> read(a.getErrorStream()));
            CompletableFuture<String> bErr = CompletableFuture.supplyAsync(() -> read(b.getErrorStream()));
            CompletableFuture<String> aOut = CompletableFuture.supplyAsync(() -> read(a.getInputStream()));
            CompletableFuture<String> bOut = CompletableFuture.supplyAsync(() -> read(b.getInputStream()));
            assertThat(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(a.exitValue()).as(aErr.get()).isZero();
            assertThat(b.exitValue()).as(bErr.get()).isZero();
            assertThat(JSON.readTree(aOut.get()).get("auth").asText()).isEqualTo("oauth");
            assertThat(JSON.readTree(bOut.get()).get("auth").asText()).isEqualTo("oauth");

            var counters = emulator.authServer().orElseThrow().counters();
            assertThat(counters.reuseDetections()).isZero();
            // One process refreshed under the file lock; the other found the new pair and used it.
            assertThat(counters.refreshes() - refreshesBefore).isEqualTo(1);
            assertThat(run(env, "whoami").exitCode()).isZero();
        }
    }
}
