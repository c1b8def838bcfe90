package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.PrismaEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections and service tokens: secrets never printed unless asked, written with mode 0600 to a file that is never
 * overwritten without {@code --force}, and the token rotation.
 */
class SecretsTest {
    private static final Pattern PASSWORD = Pattern.compile("://[^:/@]+:([^@*]+)@");

    static PrismaEmulator emulator;
    static String databaseId;
    @TempDir
    Path dir;
    PdpRunner pdp;

    @BeforeAll
    static void start() {
        emulator = PrismaEmulator.builder().provisioningDelay(Duration.ZERO).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void runner() {
        pdp = new PdpRunner(emulator, dir.resolve("config"));
        if (databaseId == null) {
            databaseId = pdp.run("projects", "create", "--name", "secrets", "--json").json().get("databaseId")
                    .asText();
        }
    }

    @Test
    void connectionStringsAreMaskedUnlessAsked() {
        PdpRunner.Result masked = pdp.run("connections", "create", "--database", databaseId, "--name", "app",
                "--json");
        assertThat(masked.exitCode()).as(masked.toString()).isZero();
        JsonNode c = masked.json();
        assertThat(ResourceCommandsTest.fields(c)).containsExactly("id", "name", "databaseId", "kind", "host",
                "user", "createdAt", "connectionString", "pooledConnectionString", "accelerateConnectionString",
                "secretsShown", "writtenTo");
        assertThat(c.get("connectionString").asText()).contains(":****@");
        assertThat(PASSWORD.matcher(masked.out()).find()).isFalse();
        assertThat(c.get("accelerateConnectionString").asText()).contains("api_key=****");
        assertThat(masked.out()).doesNotContainPattern("api_key=[^*]");
        assertThat(pdp.run("connections", "create", "--database", databaseId, "--name", "human").out())
                .contains(":****@").doesNotContainPattern(PASSWORD.pattern());

        PdpRunner.Result shown = pdp.run("connections", "create", "--database", databaseId, "--name", "shown",
                "--show-secrets", "--json");
        Matcher m = PASSWORD.matcher(shown.json().get("connectionString").asText());
        assertThat(m.find()).as(shown.out()).isTrue();
        assertThat(shown.json().get("secretsShown").asBoolean()).isTrue();

        // rotate prints the new password only when asked, too
        String id = c.get("id").asText();
        assertThat(pdp.run("connections", "rotate", id, "--json").json().get("connectionString").asText())
                .contains(":****@");
        assertThat(pdp.run("connections", "list", "--database", databaseId, "--json").json().findValuesAsText("id"))
                .contains(id);
        assertThat(pdp.run("connections", "delete", id, "-q").exitCode()).isZero();
        assertThat(pdp.run("connections", "list", "--database", databaseId, "-q").out()).doesNotContain(id);
    }

    @Test
    void outputFileIsOwnerOnlyAndNeverOverwrittenWithoutForce() throws IOException {
        Path file = dir.resolve("out").resolve("db-url.txt");
        PdpRunner.Result r = pdp.run("connections", "create", "--database", databaseId, "--name", "f", "--output",
                file.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String written = Files.readString(file).strip();
        assertThat(written).startsWith("postgres").containsPattern(PASSWORD.pattern());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(r.json().get("writtenTo").asText()).isEqualTo(file.toString());
        assertThat(r.out()).doesNotContain(written);
        assertThat(Files.list(file.getParent())).hasSize(1); // no temporary file left behind

        int before = pdp.run("connections", "list", "--database", databaseId, "-q").out().lines().toList().size();
        PdpRunner.Result refused = pdp.run("connections", "create", "--database", databaseId, "--name", "g",
                "--output", file.toString());
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err()).contains("exists; use --force");
        assertThat(Files.readString(file).strip()).isEqualTo(written);
        // Refused before anything was created.
        assertThat(pdp.run("connections", "list", "--database", databaseId, "-q").out().lines()).hasSize(before);

        String id = r.json().get("id").asText();
        assertThat(pdp.run("connections", "rotate", id, "--output", file.toString(), "--force").exitCode()).isZero();
        assertThat(Files.readString(file).strip()).isNotEqualTo(written).startsWith("postgres");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void tokenValuesOnlyWhenAskedAndRotationReplacesOldTokens() throws IOException {
        PdpRunner.Result hidden = pdp.run("tokens", "create", "--name", "ci", "--json");
        assertThat(hidden.exitCode()).as(hidden.toString()).isZero();
        assertThat(hidden.json().get("value").isNull()).isTrue();
        assertThat(hidden.out() + hidden.err()).doesNotContainPattern("pst_[A-Za-z0-9]{20,}");
        assertThat(hidden.err()).contains("cannot be read again");

        JsonNode shown = pdp.run("tokens", "create", "--name", "shown", "--show-secrets", "--json").json();
        String value = shown.get("value").asText();
        assertThat(value).startsWith("pst_");
        JsonNode list = pdp.run("tokens", "list", "--json").json();
        assertThat(ResourceCommandsTest.fields(list.get(0))).containsExactly("id", "name", "valueHint", "createdAt",
                "expiresAt");
        assertThat(list.toString()).doesNotContain(value);
        assertThat(pdp.run("tokens", "delete", shown.get("id").asText(), "-q").exitCode()).isZero();

        // Rotation (in the other workspace, so the other tests keep their token) with the new token written to a
        // file; everything older than "now" goes, the new token stays.
        String old = emulator.createServiceToken(emulator.userWorkspace().id(), "old", null);
        pdp.set("PRISMA_SERVICE_TOKEN", old);
        assertThat(pdp.run("tokens", "rotate", "--older-than", "30d").exitCode()).isEqualTo(2); // nowhere to store
        Path file = dir.resolve("prisma-token.txt");
        PdpRunner.Result rotated = pdp.run("tokens", "rotate", "--older-than", "0s", "--output", file.toString(),
                "--json");
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        String next = Files.readString(file).strip();
        assertThat(rotated.out() + rotated.err()).doesNotContain(next).doesNotContain(old);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        JsonNode result = rotated.json();
        assertThat(ResourceCommandsTest.fields(result)).containsExactly("workspaceId", "dryRun", "created",
                "deleted", "failed");
        assertThat(result.get("deleted").size()).isGreaterThanOrEqualTo(2); // the seeded token and "old"
        assertThat(pdp.run("whoami").exitCode()).isEqualTo(3); // the old token is gone
        pdp.set("PRISMA_SERVICE_TOKEN", next);
        assertThat(pdp.run("tokens", "list", "-q").out().strip()).isEqualTo(result.get("created").get("id").asText());
        JsonNode dry = pdp.run("tokens", "rotate", "--older-than", "0s", "--dry-run", "--json").json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(pdp.run("tokens", "list", "-q").out().lines()).hasSize(1);
    }
}
