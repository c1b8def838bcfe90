package dev.pdpkit.examples.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.model.ServiceToken;
import dev.pdpkit.emulator.PrismaEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rotation script against the emulator, with the emulator's and the script's clocks moved forward together. */
class RotateServiceTokensTest {
    @TempDir
    Path dir;

    private RotateServiceTokens.ShiftedClock clock;
    private PrismaEmulator emulator;
    private String workspace;
    private String oldExtraId;
    private String youngId;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        clock = new RotateServiceTokens.ShiftedClock(Clock.systemUTC());
        emulator = PrismaEmulator.builder().clock(clock).start();
        workspace = emulator.partnerWorkspace().id();
        emulator.createServiceToken(workspace, "old-extra", null);
        oldExtraId = idOf("old-extra");
        clock.offset = Duration.ofDays(40);
        emulator.createServiceToken(workspace, "young", null);
        youngId = idOf("young");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private List<ServiceToken> tokens() {
        try (PrismaManagement admin = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                .serviceToken(emulator.createServiceToken(workspace, "observer", Duration.ofMinutes(5))).build()) {
            List<ServiceToken> all = new ArrayList<>();
            admin.workspaces().serviceTokens().list(workspace).autoPager().forEach(all::add);
            return all.stream().filter(t -> !t.name().equals("observer")).collect(Collectors.toList());
        }
    }

    private String idOf(String name) {
        return tokens().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    private List<String> ids() {
        return tokens().stream().map(ServiceToken::id).sorted().collect(Collectors.toList());
    }

    private int run(Map<String, String> env, String... args) {
        return RotateServiceTokens.run(args, env, clock, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, String> env(String token) {
        return Map.of("PRISMA_API_URL", emulator.baseUrl(), "PRISMA_SERVICE_TOKEN", token);
    }

    private static boolean works(String baseUrl, String token) {
        try (PrismaManagement c = PrismaManagement.builder().baseUrl(baseUrl).serviceToken(token).build()) {
            c.me().get();
            return true;
        } catch (UnauthorizedException e) {
            return false;
        }
    }

    @Test
    void rotatesVerifiesStoresAndDeletesOnlyOldTokens() throws Exception {
        String seededId = emulator.partnerWorkspace().serviceTokenId();
        assertThat(ids()).containsExactlyInAnyOrder(seededId, oldExtraId, youngId);
        Path file = dir.resolve("secrets/prisma-token.txt");

        int code = run(env(emulator.partnerServiceToken()), "--older-than", "30d", "--output", file.toString(),
                "--name", "rotated-1");

        assertThat(code).as(err.toString()).isZero();
        String value = Files.readString(file).strip();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(works(emulator.baseUrl(), value)).isTrue();
        assertThat(works(emulator.baseUrl(), emulator.partnerServiceToken())).as("old token deleted").isFalse();
        String newId = idOf("rotated-1");
        assertThat(ids()).containsExactlyInAnyOrder(youngId, newId);
        assertThat(out.toString() + err).doesNotContain(value).doesNotContain(emulator.partnerServiceToken());
        assertThat(out.toString()).contains("Deleted " + oldExtraId).contains("Deleted " + seededId);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("prisma-token.txt");
        }
    }

    @Test
    void aDryRunChangesNothing() {
        List<String> before = ids();
        Path file = dir.resolve("t.txt");

        int code = run(env(emulator.partnerServiceToken()), "--older-than", "30d", "--output", file.toString(),
                "--dry-run");

        assertThat(code).as(err.toString()).isZero();
        assertThat(ids()).isEqualTo(before);
        assertThat(file).doesNotExist();
        assertThat(out.toString()).contains("would delete " + oldExtraId).doesNotContain("would delete " + youngId);
        assertThat(works(emulator.baseUrl(), emulator.partnerServiceToken())).isTrue();
    }

    @Test
    void aSecondRunFromTheStoredTokenIsHarmless() throws Exception {
        Path file = dir.resolve("prisma-token.txt");
        assertThat(run(env(emulator.partnerServiceToken()), "--older-than", "30d", "--output", file.toString(),
                "--name", "first")).isZero();
        String first = Files.readString(file).strip();
        List<String> afterFirst = ids();

        int code = run(Map.of("PRISMA_API_URL", emulator.baseUrl()), "--older-than", "30d", "--token-file",
                file.toString(), "--output", file.toString(), "--name", "second");

        assertThat(code).as(err.toString()).isZero();
        String second = Files.readString(file).strip();
        assertThat(second).isNotEqualTo(first);
        assertThat(works(emulator.baseUrl(), second)).isTrue();
        assertThat(works(emulator.baseUrl(), first)).as("young tokens are kept").isTrue();
        assertThat(ids()).containsAll(afterFirst).hasSize(afterFirst.size() + 1);
    }

    @Test
    void aSecondRunWithTheRotatedTokenFailsCleanly() {
        String old = emulator.partnerServiceToken();
        assertThat(run(env(old), "--older-than", "30d", "--print-token")).isZero();
        List<String> before = ids();
        err.reset();

        int code = run(env(old), "--older-than", "30d", "--print-token");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("rejected (401)");
        assertThat(ids()).isEqualTo(before);
    }

    @Test
    void printTokenShowsTheValueOnceAndUsageErrorsExitWithTwo() {
        assertThat(run(env(emulator.partnerServiceToken()), "--older-than", "1000d", "--print-token")).isZero();
        String printed = out.toString().lines().filter(l -> l.startsWith("New token"))
                .collect(Collectors.joining());
        String value = printed.substring(printed.lastIndexOf(' ') + 1);
        assertThat(works(emulator.baseUrl(), value)).isTrue();
        assertThat(out.toString().split(java.util.regex.Pattern.quote(value), -1)).hasSize(2);

        assertThat(run(env("x"), "--output", "f")).isEqualTo(2);
        assertThat(run(env("x"), "--older-than", "30d")).isEqualTo(2);
        assertThat(run(env("x"), "--older-than", "soon", "--print-token")).isEqualTo(2);
    }

    @Test
    void agesAreReadInSeveralForms() {
        assertThat(RotateServiceTokens.parseAge("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(RotateServiceTokens.parseAge("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(RotateServiceTokens.parseAge("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(RotateServiceTokens.parseAge("PT90M")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> RotateServiceTokens.parseAge("P1M")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoModeRunsWithoutAnyToken() {
        int code = run(Map.of(), "--older-than", "30d", "--print-token", "--dry-run");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("embedded emulator");
        assertThat(out.toString()).contains("would delete");
    }
}
