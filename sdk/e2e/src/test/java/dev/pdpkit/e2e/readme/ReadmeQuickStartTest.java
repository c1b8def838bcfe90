package dev.pdpkit.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
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
        String source = Readme.javaBlockAfter("<!-- quickstart:begin");
        Path file = dir.resolve("QuickStart.java");
        Files.writeString(file, source);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", dir.toString(), "-cp", classpath, file.toString());
        assertThat(rc).as("javac exit code for the README quick start").isZero();

        try (PrismaEmulator emulator = PrismaEmulator.start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", dir + File.pathSeparator + classpath, "QuickStart")
                    .redirectErrorStream(true);
            pb.environment().put("PRISMA_SERVICE_TOKEN", emulator.partnerServiceToken());
            pb.environment().put("PRISMA_API_URL", emulator.baseUrl());
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("quick start finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
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
        String source = Readme.javaBlockAfter("<!-- client-features:begin");
        Path file = dir.resolve("ClientFeatures.java");
        Files.writeString(file, source);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), "-cp", classpath,
                file.toString())).as("javac exit code for the README client-features snippet").isZero();

        try (PrismaEmulator emulator = PrismaEmulator.start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", dir + File.pathSeparator + classpath,
                    "ClientFeatures").redirectErrorStream(true);
            pb.environment().put("PRISMA_SERVICE_TOKEN", emulator.partnerServiceToken());
            pb.environment().put("PRISMA_API_URL", emulator.baseUrl());
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("snippet finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("attempt getV1Projects #1 SUCCEEDED")
                    .contains("projects on the first page: ")
                    .contains("retries in the registry: 2")
                    .doesNotContain(emulator.partnerServiceToken());
        }
    }
}
