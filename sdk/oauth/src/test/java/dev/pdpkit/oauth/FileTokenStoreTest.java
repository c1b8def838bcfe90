package dev.pdpkit.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file store does beyond the shared conformance suite (which runs in pdpkit-testing). */
class FileTokenStoreTest {
    private static final OAuthTokens TOKENS = OAuthTokens.of("access-SECRET-1", "refresh-SECRET-1",
            Instant.parse("2030-01-01T00:00:00Z"), "wksp_1", List.of("workspace:admin", "offline_access"));

    @TempDir
    Path dir;

    @Test
    void createsFileWith0600AndFoldersWith0700() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("a").resolve("b").resolve("tokens.json");
        new FileTokenStore(file).save(TOKENS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                file.resolveSibling("tokens.json.lock")))).isEqualTo("rw-------");
    }

    @Test
    void replacingAWorldReadableFileLeavesOwnerOnlyPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new FileTokenStore(file).save(TOKENS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void existingFolderIsNotChanged() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        new FileTokenStore(dir.resolve("tokens.json")).save(TOKENS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        for (int i = 0; i < 5; i++) {
            store.save(OAuthTokens.of("a" + i, "r" + i, null, null, List.of()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("tokens.json", "tokens.json.lock");
        }
        assertThat(store.load().orElseThrow().accessToken()).isEqualTo("a4");
    }

    @Test
    void truncatedFileIsATypedErrorAndIsLeftInPlace() throws Exception {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        store.save(TOKENS);
        byte[] full = Files.readAllBytes(file);
        byte[] truncated = java.util.Arrays.copyOf(full, full.length / 2);
        Files.write(file, truncated);

        assertThatThrownBy(store::load).isInstanceOfSatisfying(TokenStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.CORRUPT))
                .hasMessageNotContaining("SECRET");
        assertThat(Files.readAllBytes(file)).isEqualTo(truncated);
    }

    @Test
    void corruptOrEmptyOrUnknownVersionFilesAreTypedErrors() throws Exception {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        for (String content : List.of("", "not json at all SECRET", "[1,2]", "{\"version\":2,\"access_token\":\"x\"}",
                "{\"version\":1}", "{\"version\":1,\"access_token\":\"SECRET\",\"expires_at\":\"yesterday\"}",
                "{\"version\":1,\"access_token\":42}")) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            assertThatThrownBy(store::load).as(content).isInstanceOfSatisfying(TokenStoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.CORRUPT))
                    .hasMessageNotContaining("SECRET");
            assertThat(Files.readString(file)).isEqualTo(content);
        }
    }

    @Test
    void corruptFileMakesCredentialsFailTypedAndLogoutRemovesIt() throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"version\":1,\"access_tok");
        PrismaOAuth oauth = PrismaOAuth.builder().clientId("cli").tokenStore(new FileTokenStore(file)).build();
        assertThatThrownBy(() -> oauth.credentials().bearerToken()).isInstanceOf(TokenStoreException.class);
        assertThat(file).exists();
        assertThat(oauth.logout().status()).isEqualTo(LogoutResult.Status.CLEARED_UNREADABLE);
        assertThat(file).doesNotExist();
    }

    @Test
    void fileIsReadAgainOnEveryLoad() throws Exception {
        Path file = dir.resolve("tokens.json");
        FileTokenStore reader = new FileTokenStore(file);
        assertThat(reader.load()).isEmpty();
        new FileTokenStore(file).save(TOKENS);
        assertThat(reader.load()).contains(TOKENS);
        assertThat(Files.readString(file)).contains("\"version\" : 1");
    }

    @Test
    void toStringShowsNoToken() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
        store.save(TOKENS);
        assertThat(store.toString()).doesNotContain("SECRET");
        assertThat(TOKENS.toString()).doesNotContain("SECRET");
    }
}
