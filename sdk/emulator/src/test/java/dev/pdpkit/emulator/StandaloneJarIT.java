package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shaded jar runs on its own with one command, logs to the console and serves the API. */
class StandaloneJarIT {

    @Test
    void theStandaloneJarStartsServesAndLogs() throws IOException, InterruptedException {
        // Set by failsafe, which runs after the package phase has built the jar.
        String jarProperty = System.getProperty("standalone.jar");
        Assumptions.assumeTrue(jarProperty != null, "runs under maven-failsafe-plugin, after package");
        Path jar = Path.of(jarProperty);
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("emulator-stderr", ".log");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0", "--verbose")
                .redirectError(log.toFile()).start();
        try {
            List<String> lines = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String l = out.readLine(); l != null && !l.startsWith("Stop with"); l = out.readLine()) {
                lines.add(l);
            }
            String api = field(lines, "Management API");
            String token = field(lines, "service token");
            Http.Resp me = new Http(api.substring(0, api.length() - "/v1".length())).get("/v1/me", token);
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.data().path("workspace").path("name").asText()).isEqualTo("Partner Workspace");
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(log)).contains("INFO dev.pdpkit.emulator.requests - GET /v1/me -> 200");
    }

    private static String field(List<String> lines, String label) {
        return lines.stream().filter(l -> l.strip().startsWith(label)).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElseThrow(() -> new AssertionError(
                        "no " + label + " in " + lines));
    }
}
