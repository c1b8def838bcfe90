package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.emulator.auth.ApprovalMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrismaEmulator e = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            return out.toString(StandardCharsets.UTF_8) + "\n" + e.baseUrl();
        }
    }

    @Test
    void runStartsAnEmulatorAndPrintsUrlsAndCredentials() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrismaEmulator e = Main.run(new String[] {"--port", "0"}, new PrintStream(out, true,
                StandardCharsets.UTF_8))) {
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains(e.baseUrl() + "/v1").contains(e.issuerUrl())
                    .contains(e.partnerServiceToken()).contains(e.userServiceToken())
                    .contains("Partner Workspace").contains("User Workspace");
            assertThat(e.baseUrl()).startsWith("http://127.0.0.1:");
            Http http = new Http(e.baseUrl());
            String db = http.post("/v1/projects", e.partnerServiceToken(), Map.of("name", "standalone")).data()
                    .path("database").path("id").asText();
            // standalone, a database provisions for a few seconds, so that waiting code is exercised
            assertThat(e.databaseStatus(db)).contains("provisioning");
        }
    }

    @Test
    void flagsConfigureLifetimesDelaysAndConsent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrismaEmulator e = Main.run(new String[] {"--port", "0", "--token-ttl", "90s", "--refresh-token-ttl",
            "2d", "--provisioning-delay", "0s", "--consent", "page", "--reject-unknown-members", "--verbose"},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            Http http = new Http(e.baseUrl());
            String db = http.post("/v1/projects", e.partnerServiceToken(), Map.of("name", "fast")).data()
                    .path("database").path("id").asText();
            assertThat(e.databaseStatus(db)).contains("ready");
            assertThat(http.post("/v1/projects", e.partnerServiceToken(), Map.of("name", "x", "unknown", 1))
                    .status()).isEqualTo(400);
            RawHttp.Answer page = new RawHttp(e.port(), 5000).send(RawHttp.ascii("GET /authorize?response_type=code"
                    + "&client_id=" + PrismaEmulator.PARTNER_CLIENT_ID + "&redirect_uri=http://127.0.0.1/callback"
                    + " HTTP/1.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n"));
            assertThat(page.text()).contains("<form");
        }
        assertThat(CommandLine.duration("--x", "PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CommandLine.duration("--x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(CommandLine.parse(new String[] {"--consent", "auto"})).isNotNull();
        assertThat(ApprovalMode.valueOf("CONSENT_PAGE")).isNotNull();
    }

    @Test
    void seedFileReplacesTheDefaultWorkspaces(@TempDir Path dir) throws IOException {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\"workspaces\":[{\"name\":\"Acme\",\"id\":\"wksp_acme\",\"plan\":\"Pro\","
                + "\"serviceToken\":\"acme-token\"},{\"name\":\"Globex\"}]}");
        String text = run("--port", "0", "--seed", seed.toString());
        assertThat(text).contains("Acme (wksp_acme)").contains("acme-token").contains("Globex")
                .doesNotContain("Partner Workspace");
    }

    @Test
    void badCommandLinesAreUsageErrorsWithAClearMessage(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Main.run(new String[] {"--help"}, System.out))
                .isInstanceOfSatisfying(Main.UsageException.class, e -> assertThat(e.helpRequested()).isTrue());
        assertThatThrownBy(() -> Main.run(new String[] {"--port"}, System.out)).isInstanceOf(
                Main.UsageException.class).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> Main.run(new String[] {"--bogus"}, System.out))
                .hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> Main.run(new String[] {"--token-ttl", "soon"}, System.out))
                .hasMessageContaining("--token-ttl needs a duration");
        assertThatThrownBy(() -> Main.run(new String[] {"--consent", "maybe"}, System.out))
                .hasMessageContaining("auto or page");
        assertThatThrownBy(() -> Main.run(new String[] {"--port", "70000"}, System.out))
                .hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> Main.run(new String[] {"--seed", dir.resolve("missing.json").toString()},
                System.out)).isInstanceOf(Main.UsageException.class).hasMessageContaining("cannot read");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"workspaces\":[{\"plan\":\"Pro\"}]}");
        assertThatThrownBy(() -> Main.run(new String[] {"--seed", bad.toString()}, System.out))
                .hasMessageContaining("needs a \"name\"");
        assertThat(Main.usage()).contains("--port", "--host", "--token-ttl", "--refresh-token-ttl",
                "--provisioning-delay", "--consent", "--seed");
    }
}
