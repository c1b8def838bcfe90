package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pdp login}, {@code whoami} with the stored OAuth login, and {@code logout} against the emulator. */
class LoginTest {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    static PrismaEmulator emulator;
    @TempDir
    Path config;

    @BeforeAll
    static void start() {
        emulator = PrismaEmulator.builder().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Plays the user's browser: the emulator approves at once and redirects to pdp's loopback listener. */
    static void visit(URI url) {
        try {
            HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static PdpRunner oauthRunner(PrismaEmulator emulator, Path config) {
        return new PdpRunner(emulator, config)
                .set("PRISMA_SERVICE_TOKEN", null)
                .set("PRISMA_AUTH_URL", emulator.issuerUrl())
                .set("PDP_CLIENT_ID", PrismaEmulator.PUBLIC_CLIENT_ID);
    }

    @Test
    void loginThroughTheBrowserThenWhoamiThenLogout() throws IOException {
        PdpRunner pdp = oauthRunner(emulator, config)
                .browser(url -> CompletableFuture.runAsync(() -> visit(url)));
        PdpRunner.Result login = pdp.run("login", "--json");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.json().get("signedIn").asBoolean()).isTrue();
        Path tokens = config.resolve("oauth-tokens.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
        assertThat(login.out() + login.err()).doesNotContain(Files.readString(tokens).substring(0, 20));

        PdpRunner.Result whoami = pdp.run("whoami", "--json");
        assertThat(whoami.exitCode()).as(whoami.toString()).isZero();
        assertThat(whoami.json().get("auth").asText()).isEqualTo("oauth");
        assertThat(whoami.json().get("userEmail").asText()).isEqualTo(emulator.oauthUser().email());

        long revocations = emulator.authServer().orElseThrow().counters().revocationRequests();
        PdpRunner.Result logout = pdp.run("logout");
        assertThat(logout.exitCode()).as(logout.toString()).isZero();
        assertThat(logout.out()).contains("Signed out.");
        assertThat(emulator.authServer().orElseThrow().counters().revocationRequests()).isGreaterThan(revocations);
        assertThat(Files.exists(config.resolve("login.properties"))).isFalse();
        assertThat(pdp.run("whoami").exitCode()).isEqualTo(3);
        assertThat(pdp.run("logout").out()).contains("Not signed in.");
    }

    @Test
    void noBrowserPrintsTheUrlToOpenElsewhere() throws Exception {
        PdpRunner pdp = oauthRunner(emulator, config).browser(url -> {
            throw new AssertionError("--no-browser must not open a browser");
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<PdpRunner.Result> login = CompletableFuture.supplyAsync(
                () -> pdp.run(new ByteArrayOutputStream(), err, "login", "--no-browser", "--timeout", "20s"));
        Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/authorize\\?\\S+)");
        Matcher m = url.matcher("");
        for (int i = 0; i < 200 && !m.find(); i++) {
            Thread.sleep(50);
            m = url.matcher(err.toString(StandardCharsets.UTF_8));
        }
        assertThat(m.find(0)).as(err.toString(StandardCharsets.UTF_8)).isTrue();
        visit(URI.create(m.group(1)));
        PdpRunner.Result r = login.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(pdp.run("whoami", "-q").out().strip()).startsWith("wksp_");
    }

    @Test
    void loginNeedsAClientId() {
        PdpRunner.Result r = oauthRunner(emulator, config).set("PDP_CLIENT_ID", null).run("login");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--client-id");
    }
}
