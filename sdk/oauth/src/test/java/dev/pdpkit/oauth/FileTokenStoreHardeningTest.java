package dev.pdpkit.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pdpkit.oauth.internal.TokenJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftover temporary files, symbolic links and re-reading only a changed file (issues 12 and 13). */
class FileTokenStoreHardeningTest {
    private static final OAuthTokens TOKENS = OAuthTokens.of("access-SECRET-1", "refresh-SECRET-1",
            Instant.parse("2030-01-01T00:00:00Z"), "wksp_1", List.of("workspace:admin"));
    private static final OAuthTokens OTHER = OAuthTokens.of("access-SECRET-2", "refresh-SECRET-2",
            Instant.parse("2030-01-01T00:00:00Z"), "wksp_1", List.of("workspace:admin"));

    @TempDir
    Path dir;

    @Test
    void temporaryFilesLeftByAKilledWriterAreDeletedWhenTheStoreOpens() throws Exception {
        Path file = dir.resolve("tokens.json");
        new FileTokenStore(file).save(TOKENS);
        Path complete = dir.resolve(".tokens.json.8812345.tmp");
        Files.write(complete, TokenJson.write(OTHER));
        Path partial = dir.resolve(".tokens.json.99.tmp");
        Files.writeString(partial, "{\"version\":1,\"acc");
        Path unrelated = dir.resolve(".other.json.1.tmp");
        Files.writeString(unrelated, "keep");

        FileTokenStore reopened = new FileTokenStore(file);

        assertThat(complete).doesNotExist();
        assertThat(partial).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(reopened.load()).contains(TOKENS);
    }

    @Test
    void aSymlinkedTokenFileIsRefusedAndItsTargetUntouched() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside")).resolve("victim.txt");
        Files.writeString(outside, "do not touch");
        Path folder = Files.createDirectory(dir.resolve("store"));
        Files.createSymbolicLink(folder.resolve("tokens.json"), outside);
        FileTokenStore store = new FileTokenStore(folder.resolve("tokens.json"));

        expectSymlink(store::load);
        expectSymlink(() -> store.save(TOKENS));
        expectSymlink(store::clear);
        assertThat(Files.readString(outside)).isEqualTo("do not touch");
    }

    @Test
    void aSymlinkedLockFileIsRefusedAndNothingIsCreatedOutsideTheFolder() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside")).resolve("created-by-store");
        Path folder = Files.createDirectory(dir.resolve("store"));
        Files.createSymbolicLink(folder.resolve("tokens.json.lock"), outside);
        FileTokenStore store = new FileTokenStore(folder.resolve("tokens.json"));

        expectSymlink(() -> store.save(TOKENS));
        expectSymlink(() -> store.withRefreshLock(() -> "ran"));
        assertThat(outside).doesNotExist();
        assertThat(folder.resolve("tokens.json")).doesNotExist();
    }

    @Test
    void aSymlinkedFolderIsRefused() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        FileTokenStore store = new FileTokenStore(link.resolve("tokens.json"));
        expectSymlink(() -> store.save(TOKENS));
        try (Stream<Path> files = Files.list(real)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theFileIsParsedAgainOnlyWhenSizeTimeOrFileKeyChanged() throws Exception {
        assumeTrue(Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class).fileKey() != null);
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        store.save(TOKENS);
        assertThat(store.load()).contains(TOKENS);

        // Same length, same modification time, same inode: no store ever writes like this, so the cached value
        // standing shows that an unchanged file is not read again.
        FileTime modified = Files.getLastModifiedTime(file);
        overwriteInPlace(file, TokenJson.write(OTHER));
        Files.setLastModifiedTime(file, modified);
        assertThat(store.load()).contains(TOKENS);
        assertThat(store.withRefreshLock(store::load)).as("under the lock the file is always read").contains(OTHER);

        // A real save from another instance (or process) replaces the file and is seen at once.
        new FileTokenStore(file).save(TOKENS);
        assertThat(store.load()).contains(TOKENS);
        new FileTokenStore(file).clear();
        assertThat(store.load()).isEmpty();
    }

    private static void overwriteInPlace(Path file, byte[] bytes) throws IOException {
        assertThat(bytes.length).isEqualTo(Files.size(file));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes));
        }
    }

    private static void expectSymlink(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.SYMLINK));
    }
}
