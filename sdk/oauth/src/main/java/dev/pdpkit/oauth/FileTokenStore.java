package dev.pdpkit.oauth;

import dev.pdpkit.oauth.internal.TokenJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps tokens in a JSON file that several processes can share safely, for CLIs and desktop tools.
 *
 * <ul>
 *   <li>Every {@link #load()} reads the file, so a pair rotated by another process is seen at once.</li>
 *   <li>Writes are atomic: a temporary file in the same folder is written, flushed to disk ({@code fsync}) and
 *   renamed over the old one, so a crash never leaves a half-written file behind.</li>
 *   <li>On POSIX systems the file is created with mode {@code 0600} and folders this store creates with
 *   {@code 0700}; an existing folder is left as it is. On other systems the platform's default access rules apply.</li>
 *   <li>{@link #withRefreshLock} takes an operating-system lock ({@link FileChannel#lock()}) on a sibling file
 *   {@code <name>.lock}. The OS releases it when the process dies, so there is no stale-lock guessing; the lock file
 *   itself is never deleted (deleting it would let two processes lock different files). Writes take the same lock,
 *   which makes {@link #clearIfCurrent} atomic across processes.</li>
 *   <li>A corrupt or truncated file makes {@link #load()} throw {@link TokenStoreException} with
 *   {@link TokenStoreException.Reason#CORRUPT}; the file is left in place.</li>
 * </ul>
 * The lock relies on the OS honouring file locks for the file system in use; network file systems may not.
 * Thread-safe; several instances for the same path in one process coordinate too.
 */
public final class FileTokenStore implements TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);

    // FileChannel.lock() is per process: a second lock on the same file from this JVM throws. So threads (and
    // several store instances on one path) first queue on an in-process lock keyed by the file's absolute path.
    private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock processLock;
    private final boolean posix;

    /**
     * @param file the token file; its folder is created when first written
     * @throws NullPointerException if {@code file} is null
     */
    public FileTokenStore(Path file) {
        Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("not a file path: " + file);
        }
        this.file = absolute;
        this.lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        this.processLock = PROCESS_LOCKS.computeIfAbsent(absolute, p -> new ReentrantLock());
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** @return the token file */
    public Path path() {
        return file;
    }

    @Override
    public Optional<OAuthTokens> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot read token file " + file, e);
        }
        try {
            return Optional.of(TokenJson.read(bytes));
        } catch (IllegalArgumentException e) {
            throw new TokenStoreException(TokenStoreException.Reason.CORRUPT,
                    "token file " + file + " is corrupt (" + e.getMessage() + "); it was left in place", null);
        }
    }

    @Override
    public void save(OAuthTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        byte[] bytes = TokenJson.write(tokens);
        withLock(() -> {
            writeAtomically(bytes);
            return null;
        });
    }

    @Override
    public void clear() {
        withLock(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot delete token file " + file, e);
            }
            return null;
        });
    }

    @Override
    public boolean clearIfCurrent(OAuthTokens expected) {
        return withLock(() -> {
            Optional<OAuthTokens> current = load();
            if (current.isPresent() && current.get().samePair(expected)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot delete token file " + file,
                            e);
                }
                return true;
            }
            return false;
        });
    }

    @Override
    public <T> T withRefreshLock(Supplier<T> action) {
        return withLock(action);
    }

    /** Runs {@code action} under the in-process lock and the OS lock; re-entrant for the owning thread. */
    private <T> T withLock(Supplier<T> action) {
        processLock.lock();
        try {
            if (processLock.getHoldCount() > 1) {
                return action.get(); // this thread already holds the OS lock
            }
            ensureFolder();
            try (FileChannel channel = openLockFile()) {
                FileLock lock = channel.lock(); // blocks until no other process holds it
                try {
                    return action.get();
                } finally {
                    try {
                        lock.release();
                    } catch (IOException e) {
                        LOG.debug("lock release failed; closing the channel releases it", e);
                    }
                }
            } catch (IOException e) {
                throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot lock " + lockFile, e);
            }
        } finally {
            processLock.unlock();
        }
    }

    private FileChannel openLockFile() throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (posix) {
            return FileChannel.open(lockFile, options, ownerOnly(false));
        }
        return FileChannel.open(lockFile, options);
    }

    private void ensureFolder() {
        Path folder = file.getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        // Create missing folders one by one so that each one we create (and only those) gets 0700.
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        try {
            for (Path p : missing) {
                try {
                    if (posix) {
                        Files.createDirectory(p, ownerOnly(true));
                        // The umask may have removed bits; set them exactly.
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                    } else {
                        Files.createDirectory(p);
                    }
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // Another process created it first: fine.
                }
            }
        } catch (IOException e) {
            throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot create folder " + folder, e);
        }
    }

    private void writeAtomically(byte[] bytes) {
        Path folder = file.getParent();
        Path temp = null;
        try {
            temp = posix
                    ? Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp", ownerOnly(false))
                    : Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncFolder(folder);
        } catch (IOException e) {
            throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot write token file " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("could not delete temporary file {}", temp, e);
                }
            }
        }
    }

    /** Makes the rename durable. Opening a folder for reading works on Linux and macOS; elsewhere it is skipped. */
    private void syncFolder(Path folder) {
        if (!posix) {
            return;
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("folder fsync not supported for {}", folder, e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(boolean folder) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(folder ? "rwx------" : "rw-------"));
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }
}
