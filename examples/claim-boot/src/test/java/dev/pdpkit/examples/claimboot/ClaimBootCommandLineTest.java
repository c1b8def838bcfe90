package dev.pdpkit.examples.claimboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code --help} prints the settings and exits 0 without starting a server, checked on a real JVM. */
class ClaimBootCommandLineTest {

    @Test
    void helpPrintsTheSettingsAndExitsZero() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClaimBootApp.class.getName(), "--help")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("Usage: claim-boot").contains("--server.port=", "--pdpkit.service-token=",
                "--spring.datasource.url=", "--pdpkit.oauth.redirect-uri=").doesNotContain("Tomcat", "Started");
    }
}
