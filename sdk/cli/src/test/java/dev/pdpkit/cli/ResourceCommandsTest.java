package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.PrismaEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every resource command in-process against the emulator: results, the documented JSON shapes, paging. */
class ResourceCommandsTest {
    static PrismaEmulator emulator;
    @TempDir
    Path config;
    PdpRunner pdp;

    @BeforeAll
    static void start() {
        emulator = PrismaEmulator.builder().provisioningDelay(Duration.ZERO).defaultPageSize(2).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void runner() {
        pdp = new PdpRunner(emulator, config);
    }

    static List<String> fields(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void whoamiShowsTheCredentialAndWorkspace() {
        PdpRunner.Result r = pdp.run("whoami", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(fields(r.json())).containsExactly("auth", "credentialType", "credentialId", "credentialName",
                "workspaceId", "workspaceName", "userId", "userEmail", "apiUrl");
        assertThat(r.json().get("workspaceId").asText()).isEqualTo(emulator.partnerWorkspace().id());
        assertThat(r.json().get("auth").asText()).isEqualTo("service-token");

        PdpRunner.Result quiet = pdp.run("whoami", "-q");
        assertThat(quiet.out().strip()).isEqualTo(emulator.partnerWorkspace().id());
        assertThat(pdp.run("whoami").out()).contains("workspaceName", "Partner Workspace");
    }

    @Test
    void whoamiRunWithoutTheParserAnswersAsPicocliWould() {
        List<List<String>> lines = List.of(List.of("whoami"), List.of("whoami", "--json"), List.of("-q", "whoami"),
                List.of("--verbose", "whoami", "--quiet", "--json"));
        for (List<String> args : lines) {
            String[] a = args.toArray(new String[0]);
            assertThat(pdp.run(a)).as(String.join(" ", args)).isEqualTo(pdp.runParsed(a));
        }
        pdp.set("PRISMA_SERVICE_TOKEN", "pst_not-a-real-token");
        PdpRunner.Result direct = pdp.run("whoami");
        PdpRunner.Result parsed = pdp.runParsed("whoami");
        assertThat(direct.exitCode()).isEqualTo(parsed.exitCode()).isEqualTo(3);
        assertThat(withoutRequestId(direct.err())).isEqualTo(withoutRequestId(parsed.err())).contains("HTTP 401");
        // Anything beyond the global flags goes through picocli, which reports it.
        assertThat(pdp.run("whoami", "--json", "--json").err()).contains("should be specified only once");
        assertThat(pdp.run("whoami", "extra").exitCode()).isEqualTo(2);
    }

    private static String withoutRequestId(String err) {
        return err.replaceAll("request id [^ )]+", "request id X");
    }

    @Test
    void workspacesListAndGet() {
        JsonNode list = pdp.run("workspaces", "--json").json();
        assertThat(list.isArray()).isTrue();
        assertThat(fields(list.get(0))).containsExactly("id", "name", "createdAt");
        String id = list.get(0).get("id").asText();
        assertThat(pdp.run("workspaces", "get", id, "--json").json().get("name").asText())
                .isEqualTo("Partner Workspace");
        assertThat(pdp.run("workspaces", "list", "-q").out().strip()).isEqualTo(id);
        PdpRunner.Result unknown = pdp.run("workspaces", "lsit");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument", "Usage: pdp workspaces");
    }

    @Test
    void projectsCreateIsIdempotentWithALogicalIdAndListPagesThroughEverything() {
        PdpRunner.Result first = pdp.run("projects", "create", "--name", "shop", "--logical-id", "shop-1",
                "--region", "eu-central-1", "--json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(fields(first.json())).containsExactly("id", "name", "logicalId", "workspaceId", "defaultRegion",
                "createdAt", "databaseId", "created");
        assertThat(first.json().get("created").asBoolean()).isTrue();
        JsonNode again = pdp.run("projects", "create", "--name", "shop", "--logical-id", "shop-1", "--json").json();
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(again.get("id")).isEqualTo(first.json().get("id"));
        assertThat(fields(again)).isEqualTo(fields(first.json()));

        for (int i = 0; i < 4; i++) {
            assertThat(pdp.run("projects", "create", "--name", "p" + i, "--no-database", "-q").exitCode()).isZero();
        }
        // The emulator pages by 2: five projects need three pages.
        assertThat(pdp.run("projects", "list", "--json").json().size()).isEqualTo(emulator.projectIds(
                emulator.partnerWorkspace().id()).size()).isGreaterThanOrEqualTo(5);
        assertThat(pdp.run("projects", "list", "--limit", "3", "-q").out().lines()).hasSize(3);
        PdpRunner.Result table = pdp.run("projects", "list");
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("NAME", "LOGICAL_ID");

        String id = first.json().get("id").asText();
        assertThat(pdp.run("projects", "get", id, "--json").json().get("logicalId").asText()).isEqualTo("shop-1");
        JsonNode deleted = pdp.run("projects", "delete", id, "--json").json();
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(pdp.run("projects", "get", id).exitCode()).isEqualTo(4);
    }

    @Test
    void databasesCreateGetListBackupsRestoreUsageDelete() {
        String project = pdp.run("projects", "create", "--name", "dbs", "--no-database", "-q").out().strip();
        PdpRunner.Result created = pdp.run("databases", "create", "--project", project, "--name", "main",
                "--region", "us-east-1", "--logical-id", "main", "--json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode db = created.json();
        assertThat(fields(db)).containsExactly("id", "name", "projectId", "region", "status", "isDefault",
                "logicalId", "createdAt", "created");
        assertThat(pdp.run("databases", "create", "--project", project, "--name", "main", "--region", "us-east-1",
                "--logical-id", "main", "--json").json().get("id")).isEqualTo(db.get("id"));
        String id = db.get("id").asText();

        assertThat(pdp.run("databases", "list", "--project", project, "-q").out().strip()).isEqualTo(id);
        assertThat(pdp.run("databases", "get", id, "--json").json().get("status").asText()).isEqualTo("ready");

        String backup = emulator.addBackup(id, java.time.Instant.now().minusSeconds(3600));
        JsonNode backups = pdp.run("databases", "backups", id, "--json").json();
        assertThat(fields(backups.get(0))).containsExactly("id", "type", "status", "size", "createdAt");
        assertThat(backups.findValuesAsText("id")).contains(backup);

        PdpRunner.Result restored = pdp.run("databases", "restore", id, "--backup", backup, "--wait", "--json");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.json().get("status").asText()).isEqualTo("ready");

        JsonNode usage = pdp.run("databases", "usage", id, "--json").json();
        assertThat(fields(usage)).containsExactly("databaseId", "periodStart", "periodEnd", "operations",
                "operationsUnit", "storage", "storageUnit", "generatedAt");

        // The project's only database is its default: the API refuses (403), reported in one line.
        PdpRunner.Result refused = pdp.run("databases", "delete", id);
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).startsWith("pdp: error: ").contains("HTTP 403 cannot_delete_default_database",
                "request id req_").doesNotContain("\tat ");
        assertThat(refused.err().lines()).hasSize(1);

        String scratch = pdp.run("databases", "create", "--project", project, "--name", "scratch", "--region",
                "us-east-1", "-q").out().strip();
        PdpRunner.Result delete = pdp.run("databases", "delete", scratch, "-q");
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        assertThat(delete.out()).isEmpty();
        assertThat(pdp.run("databases", "get", scratch).exitCode()).isEqualTo(4);
    }

    @Test
    void regionsCanBeFilteredByProduct() {
        JsonNode all = pdp.run("regions", "--json").json();
        JsonNode postgres = pdp.run("regions", "--product", "postgres", "--json").json();
        assertThat(fields(all.get(0))).containsExactly("id", "name", "product", "status");
        assertThat(postgres.size()).isPositive().isLessThan(all.size());
        assertThat(postgres.findValuesAsText("product")).containsOnly("postgres");
    }
}
