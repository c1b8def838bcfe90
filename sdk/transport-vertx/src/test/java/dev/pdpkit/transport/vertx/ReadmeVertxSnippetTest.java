package dev.pdpkit.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.emulator.PrismaEmulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Non-blocking transport (Vert.x)" snippet compiles and runs as written against the emulator. */
class ReadmeVertxSnippetTest {
    private static final String MARKER = "<!-- vertx-transport:begin";

    @TempDir
    Path dir;

    @Test
    void theSnippetCompilesAndRunsAsWritten() throws Exception {
        Path file = dir.resolve("VertxTransportExample.java");
        Files.writeString(file, javaBlockAfter(readme(), MARKER));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), "-cp", classpath,
                file.toString())).as("javac exit code for the README Vert.x snippet").isZero();

        try (PrismaEmulator emulator = PrismaEmulator.start()) {
            seedTwoProjects(emulator);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", dir + File.pathSeparator + classpath,
                    "VertxTransportExample").redirectErrorStream(true);
            pb.environment().put("PRISMA_SERVICE_TOKEN", emulator.partnerServiceToken());
            pb.environment().put("PRISMA_API_URL", emulator.baseUrl());
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("snippet finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
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

    private static String javaBlockAfter(String readme, String marker) {
        int begin = readme.indexOf(marker);
        assertThat(begin).as("README marker " + marker).isNotNegative();
        int code = readme.indexOf("```java", begin) + "```java".length();
        return readme.substring(code, readme.indexOf("```", code));
    }

    private static String readme() throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md").getParent().resolve("openapi"))) {
            p = p.getParent();
        }
        assertThat(p).as("README.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return Files.readString(p.resolve("README.md"), StandardCharsets.UTF_8);
    }
}
