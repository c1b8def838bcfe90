package dev.pdpkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.Connection;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.SeededWorkspace;
import dev.pdpkit.emulator.junit.EmulatorOptions;
import dev.pdpkit.emulator.junit.PrismaEmulatorExtension;
import dev.pdpkit.examples.provision.ProvisionDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partner's provisioning job ({@code examples}: {@link ProvisionDatabase}) run in-process, against this class's
 * emulator through {@code PRISMA_SERVICE_TOKEN}/{@code PRISMA_API_URL}, and with no configuration at all (it then
 * starts its own embedded emulator).
 */
@ExtendWith(PrismaEmulatorExtension.class)
@EmulatorOptions(provisioningDelayMillis = 600)
class ProvisionDatabaseE2ETest {
    private static final Pattern PROJECT = Pattern.compile("Created project (\\S+) \\((proj_\\w+)\\)");
    private static final Pattern DATABASE = Pattern.compile("Created database (db_\\w+) in (\\S+)");
    private static final Pattern CONNECTION = Pattern.compile("Created connection \\S+ \\((con_\\w+)\\)");
    /** A postgres URL whose password is anything but the mask. */
    private static final Pattern RAW_PASSWORD = Pattern.compile("postgres://[^:/@\\s]+:(?!\\*{4}@)[^@\\s]+@");

    PrismaEmulator emulator;
    SeededWorkspace workspace;
    PrismaManagement client;

    private record Run(int exitCode, String output) {
        Matcher find(Pattern p) {
            Matcher m = p.matcher(output);
            assertThat(m.find()).as("output has %s:%n%s", p, output).isTrue();
            return m;
        }
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int code = ProvisionDatabase.run(args, env, out);
            return new Run(code, bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private Map<String, String> env(String token) {
        return Map.of(PrismaManagement.ENV_SERVICE_TOKEN, token, PrismaManagement.ENV_API_URL, emulator.baseUrl());
    }

    @Test
    void provisionsWaitsConnectsMasksAndListsAgainstTheConfiguredService() {
        Run run = run(env(workspace.serviceToken()), "--region", "eu-central-1", "--name", "e2e-provision");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ProvisionDatabase.EXIT_OK);

        Matcher project = run.find(PROJECT);
        String projectId = project.group(2);
        assertThat(project.group(1)).isEqualTo("e2e-provision");
        assertThat(emulator.projectIds(workspace.id())).contains(projectId);
        Matcher database = run.find(DATABASE);
        String databaseId = database.group(1);
        assertThat(database.group(2)).isEqualTo("eu-central-1");
        assertThat(run.output()).contains("waiting for database " + databaseId + " : provisioning (")
                .contains("waiting for database " + databaseId + " : ready (")
                .contains("Database " + databaseId + " is ready")
                .doesNotContain("embedded Prisma emulator");
        Database ready = client.databases().get(databaseId);
        assertThat(ready.status().asString()).isEqualTo("ready");
        assertThat(ready.project().id()).isEqualTo(projectId);
        assertThat(ready.region()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("eu-central-1"));

        String connectionId = run.find(CONNECTION).group(1);
        List<Connection> connections = client.databases().connections().list(databaseId).data();
        assertThat(connections).extracting(Connection::id).contains(connectionId);
        assertThat(run.output()).containsPattern("connection string: postgres://\\w+:\\*\\*\\*\\*@db\\.prisma\\.io:5432/")
                .contains("password:          ****")
                .contains("api_key=****");
        assertThat(RAW_PASSWORD.matcher(run.output()).find()).as("a raw password in:%n%s", run.output()).isFalse();
        assertThat(run.output()).doesNotContainPattern("api_key=(?!\\*{4})");

        // every project of the workspace is listed, through all pages
        assertThat(run.output()).contains("Projects in the workspace:");
        for (String id : emulator.projectIds(workspace.id())) {
            assertThat(run.output()).contains("  " + id + "  ");
        }
        assertThat(run.output()).contains("  " + projectId + "  e2e-provision  (this job's)");
    }

    @Test
    void aSecondRunWithTheSameNameReusesTheProjectAndShowSecretsPrintsThem() {
        Run first = run(env(workspace.serviceToken()), "--name", "e2e-rerun");
        assertThat(first.exitCode()).as(first.output()).isZero();
        String projectId = first.find(PROJECT).group(2);
        int projects = emulator.projectIds(workspace.id()).size();

        Run second = run(env(workspace.serviceToken()), "--name", "e2e-rerun", "--show-secrets");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("Project e2e-rerun (" + projectId + ") already exists: reusing it")
                .contains("Using the project's default database db_");
        assertThat(emulator.projectIds(workspace.id())).hasSize(projects);
        assertThat(RAW_PASSWORD.matcher(second.output()).find()).as(second.output()).isTrue();
        assertThat(second.output()).doesNotContain("****");
    }

    @Test
    void withoutConfigurationItStartsTheEmbeddedEmulator() {
        long start = System.nanoTime();
        Run run = run(Map.of(), "--region", "us-west-1");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("No PRISMA_SERVICE_TOKEN set: using the embedded Prisma emulator at http://127.0.0.1:")
                .contains("Workspace: " + PrismaEmulator.PARTNER_WORKSPACE)
                .contains(" in us-west-1")
                .containsPattern("waiting for database db_\\w+ : provisioning \\(\\d+\\.\\d s\\)")
                .containsPattern("waiting for database db_\\w+ : ready \\(\\d+\\.\\d s\\)")
                .contains("1 project");
        run.find(PROJECT);
        assertThat(RAW_PASSWORD.matcher(run.output()).find()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        // nothing of it reached this class's emulator
        assertThat(emulator.projectIds(workspace.id())).noneMatch(id -> run.output().contains(id));
    }

    @Test
    void failuresEndWithClearMessagesAndExitCodes() {
        Run badToken = run(env("not-a-token"));
        assertThat(badToken.exitCode()).as(badToken.output()).isEqualTo(ProvisionDatabase.EXIT_AUTH);
        assertThat(badToken.output()).startsWith("error: the service token was rejected (HTTP 401");

        Run badRegion = run(env(workspace.serviceToken()), "--region", "mars-north-1", "--name", "e2e-mars");
        assertThat(badRegion.exitCode()).as(badRegion.output()).isEqualTo(ProvisionDatabase.EXIT_API);
        assertThat(badRegion.output()).contains("error: the API refused the request: HTTP 4");

        Run badArgs = run(Map.of(), "--region");
        assertThat(badArgs.exitCode()).isEqualTo(ProvisionDatabase.EXIT_USAGE);
        assertThat(badArgs.output()).contains("--region needs a value").contains("usage:");
        assertThat(run(Map.of(), "--frobnicate").exitCode()).isEqualTo(ProvisionDatabase.EXIT_USAGE);
        assertThat(run(Map.of(PrismaManagement.ENV_API_URL, "http://127.0.0.1:9")).exitCode())
                .isEqualTo(ProvisionDatabase.EXIT_USAGE);

        Run unreachable = run(Map.of(PrismaManagement.ENV_SERVICE_TOKEN, "tok", PrismaManagement.ENV_API_URL,
                "http://127.0.0.1:9"));
        assertThat(unreachable.exitCode()).as(unreachable.output()).isEqualTo(ProvisionDatabase.EXIT_NETWORK);
        assertThat(unreachable.output()).startsWith("error: cannot reach the API");

        Run plainHttp = run(Map.of(PrismaManagement.ENV_SERVICE_TOKEN, "tok", PrismaManagement.ENV_API_URL,
                "http://api.example.com"));
        assertThat(plainHttp.exitCode()).isEqualTo(ProvisionDatabase.EXIT_USAGE);
        assertThat(plainHttp.output()).contains("refusing plain http");

        Run help = run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).startsWith("usage: ProvisionDatabase");
    }

    @Test
    void aDatabaseThatIsNotReadyInTimeEndsWithItsOwnExitCode() {
        try (PrismaEmulator slow = PrismaEmulator.builder().provisioningDelay(Duration.ofMinutes(5)).start()) {
            Run run = run(Map.of(PrismaManagement.ENV_SERVICE_TOKEN, slow.partnerServiceToken(),
                    PrismaManagement.ENV_API_URL, slow.baseUrl()), "--timeout", "1");
            assertThat(run.exitCode()).as(run.output()).isEqualTo(ProvisionDatabase.EXIT_NOT_READY);
            assertThat(run.output()).containsPattern("error: database db_\\w+ is still provisioning after 1 s");
        }
    }

    @Test
    void masksPasswordsAndSecretParametersOfAnyConnectionString() {
        assertThat(ProvisionDatabase.mask("postgres://user:s3cr%40t@db.example:5432/app?sslmode=require"))
                .isEqualTo("postgres://user:****@db.example:5432/app?sslmode=require");
        assertThat(ProvisionDatabase.mask("prisma+postgres://accelerate.prisma-data.net/?api_key=eyJhbGciOi"))
                .isEqualTo("prisma+postgres://accelerate.prisma-data.net/?api_key=****");
        assertThat(ProvisionDatabase.mask("postgres://host:5432/db?user=u&password=p&sslmode=require"))
                .isEqualTo("postgres://host:5432/db?user=u&password=****&sslmode=require");
        assertThat(ProvisionDatabase.mask("postgres://user@host:5432/db")).isEqualTo("postgres://user@host:5432/db");
        assertThat(ProvisionDatabase.secret("postgres://u:p@h/db", true)).isEqualTo("postgres://u:p@h/db");
    }
}
