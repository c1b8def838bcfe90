package dev.pdpkit.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.fixtures.readme.Readme;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Non-blocking transport (Vert.x)" snippet compiles and runs as written against the emulator. */
class ReadmeVertxSnippetTest {
    private static final String MARKER = "<!-- vertx-transport:begin";

    @TempDir
    Path dir;

    @Test
    void theSnippetCompilesAndRunsAsWritten() throws Exception {
        try (PrismaEmulator emulator = PrismaEmulator.start()) {
            seedTwoProjects(emulator);
            String out = Readme.compileAndRun(dir, "VertxTransportExample", Readme.javaBlockAfter(MARKER),
                    Map.of("PRISMA_SERVICE_TOKEN", emulator.partnerServiceToken(), "PRISMA_API_URL",
                            emulator.baseUrl()));
            assertThat(out).contains("projects read without a thread each: ").contains("read proj")
                    .doesNotContain(emulator.partnerServiceToken()).doesNotContain("WARN").doesNotContain("INFO");
        }
    }

    private static void seedTwoProjects(PrismaEmulator emulator) {
        try (VertxTransport transport = VertxTransport.create();
             dev.pdpkit.client.PrismaManagement client = dev.pdpkit.client.PrismaManagement.builder()
                     .baseUrl(emulator.baseUrl()).serviceToken(emulator.partnerServiceToken()).transport(transport)
                     .build()) {
            for (String name : new String[] {"readme-a", "readme-b"}) {
                client.projects().create(ProjectCreateParams.builder().name(name).region(RegionId.US_EAST_1).build());
            }
        }
    }
}
