package dev.pdpkit.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.fixtures.readme.Readme;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README honest: its quick start is extracted, compiled against the client and run in a separate JVM with
 * the environment the README describes, against the emulator.
 */
class ReadmeQuickStartTest {

    @TempDir
    Path dir;

    @Test
    void theQuickStartCompilesAndRunsAsWritten() throws Exception {
        try (PrismaEmulator emulator = PrismaEmulator.start()) {
            String out = Readme.compileAndRun(dir, "QuickStart", Readme.javaBlockAfter("<!-- quickstart:begin"),
                    env(emulator));
            List<String> lines = out.lines().toList();
            String created = lines.stream().filter(l -> l.startsWith("created ")).findFirst().orElseThrow(
                    () -> new AssertionError("no 'created' line in:\n" + out));
            String id = created.substring("created ".length()).strip();
            assertThat(lines).anyMatch(l -> l.equals(id + " quick-start"));
            assertThat(out).doesNotContain(emulator.partnerServiceToken()).doesNotContain("API error");
        }
    }

    @Test
    void theClientFeaturesSnippetCompilesAndRunsAsWritten() throws Exception {
        try (PrismaEmulator emulator = PrismaEmulator.start()) {
            String out = Readme.compileAndRun(dir, "ClientFeatures",
                    Readme.javaBlockAfter("<!-- client-features:begin"), env(emulator));
            assertThat(out).contains("attempt getV1Projects #1 SUCCEEDED")
                    .contains("projects on the first page: ")
                    .contains("retries in the registry: 2")
                    .doesNotContain(emulator.partnerServiceToken());
        }
    }

    private static Map<String, String> env(PrismaEmulator emulator) {
        return Map.of("PRISMA_SERVICE_TOKEN", emulator.partnerServiceToken(), "PRISMA_API_URL", emulator.baseUrl());
    }
}
