package dev.pdpkit.oauth;

import dev.pdpkit.oauth.internal.TokenJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps tokens in a JSON file that several processes can share safely, for CLIs and desktop tools.
 *
 * <ul>
 *   <li>{@link #load()} sees a pair rotated by another process at once: it compares the file's size, modification
 *   time and file key (inode) with what it read last and reads and parses the file again only when one changed.
 *   Every save replaces the file by a new one (new file key), so a change is never missed; inside
 *   {@link #withRefreshLock}, where the decision to send a refresh token is taken, the file is always read.</li>
 *   <li>Writes are atomic: a temporary file {@code .<name>.<random>.tmp} in the same folder is written, flushed to
 *   disk ({@code fsync}) and renamed over the old one, so a crash never leaves a half-written token file. A temporary
 *   file left by a process killed mid-write is deleted the next time a store opens the folder, under the lock (so
 *   never one another process is still writing).</li>
 *   <li>The token file, its lock file, temporary files and the folder holding them must not be symbolic links: the
 *   store opens them with {@link LinkOption#NOFOLLOW_LINKS} and reports {@link TokenStoreException.Reason#SYMLINK}
 *   instead of following one (pass {@code path.toRealPath()} if your folder is reached through a link).</li>
 *   <li>On POSIX systems the file is created with mode {@code 0600} and folders this store creates with
 *   {@code 0700}; an existing folder is left as it is. On other systems the platform's default access rules apply.</li>
 *   <li>{@link #withRefreshLock} takes an operating-system lock ({@link FileChannel#lock()}) on a sibling file
 *   {@code <name>.lock}. The OS releases it when the process dies, so there is no stale-lock guessing; the lock file
 *   itself is never deleted (deleting it would let two processes lock different files). Writes take the same lock,
 *   which makes {@link #clearIfCurrent} atomic across processes. The timed form gives up with
 *   {@link LockTimeoutException}.</li>
 *   <li>A corrupt or truncated file makes {@link #load()} throw {@link TokenStoreException} with
 *   {@link TokenStoreException.Reason#CORRUPT}; the file is left in place.</li>
 * </ul>
 * The lock relies on the OS honouring file locks for the file system in use; network file systems may not.
 * Thread-safe; several instances for the same path in one process coordinate too.
 */
public final class FileTokenStore implements TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);
    private static final long MAX_LOCK_POLL_MILLIS = 50;

    // FileChannel.lock() is per process: a second lock on the same file from this JVM throws. So threads (and
    // several store instances on one path) first queue on an in-process lock keyed by the file's absolute path.
    private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    /** What the file looked like when it was last read, and what it held. */
    private record Snapshot(Object fileKey, long size, FileTime modified, OAuthTokens tokens) {
        boolean matches(BasicFileAttributes a) {
            return fileKey != null && fileKey.equals(a.fileKey()) && size == a.size()
                    && modified.equals(a.lastModifiedTime());
        }
    }

    private final Path file;
    private final Path lockFile;
    private final String tempPrefix;
    private final ReentrantLock processLock;
    private final boolean posix;
    private volatile Snapshot snapshot;
    private volatile boolean tempFilesChecked;

    /**
     * Creates the store. If the folder exists and no other process holds the lock, leftover temporary files of this
     * token file are deleted now; otherwise at the first write.
     *
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
        this.tempPrefix = "." + absolute.getFileName() + ".";
        this.processLock = PROCESS_LOCKS.computeIfAbsent(absolute, p -> new ReentrantLock());
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        cleanUpIfFree();
    }

    /** @return the token file */
    public Path path() {
        return file;
    }

    @Override
    public Optional<OAuthTokens> load() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            snapshot = null;
            return Optional.empty();
        } catch (IOException e) {
            throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot read token file " + file, e);
        }
        refuseLink(attributes, file);
        Snapshot last = snapshot;
        // Under the lock the file is always read: that is where a refresh token is chosen to be sent.
        if (last != null && !processLock.isHeldByCurrentThread() && last.matches(attributes)) {
            return Optional.of(last.tokens());
        }
        OAuthTokens tokens = parse(read());
        snapshot = new Snapshot(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), tokens);
        return Optional.of(tokens);
    }

    private byte[] read() {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size() + 1, 1 << 20));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until EOF or the 1 MiB cap
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        } catch (NoSuchFileException e) {
            return new byte[0]; // replaced and removed between stat and open: reported as corrupt, next load retries
        } catch (IOException e) {
            throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot read token file " + file, e);
        }
    }

    private OAuthTokens parse(byte[] bytes) {
        try {
            return TokenJson.read(bytes);
        } catch (IllegalArgumentException e) {
            throw new TokenStoreException(TokenStoreException.Reason.CORRUPT,
                    "token file " + file + " is corrupt (" + e.getMessage() + "); it was left in place", null);
        }
    }

    @Override
    public void save(OAuthTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        byte[] bytes = TokenJson.write(tokens);
        withLock(null, () -> {
            writeAtomically(bytes);
            return null;
        });
    }

    @Override
    public void clear() {
        withLock(null, () -> {
            delete();
            return null;
        });
    }

    @Override
    public boolean clearIfCurrent(OAuthTokens expected) {
        return withLock(null, () -> {
            Optional<OAuthTokens> current = load();
            if (current.isPresent() && current.get().samePair(expected)) {
                delete();
                return true;
            }
            return false;
        });
    }

    private void delete() {
        try {
            if (Files.isSymbolicLink(file)) {
                throw symlink(file);
            }
            Files.deleteIfExists(file);
            snapshot = null;
        } catch (IOException e) {
            throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot delete token file " + file, e);
        }
    }

    @Override
    public <T> T withRefreshLock(Supplier<T> action) {
        return withLock(null, action);
    }

    @Override
    public <T> T withRefreshLock(Duration timeout, Supplier<T> action) {
        return withLock(Objects.requireNonNull(timeout, "timeout"), action);
    }

    /**
     * Runs {@code action} under the in-process lock and the OS lock; re-entrant for the owning thread.
     *
     * @param timeout how long to wait for both locks, or null to wait without limit
     */
    private <T> T withLock(Duration timeout, Supplier<T> action) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + Math.max(0, timeout.toNanos());
        acquireProcessLock(deadline, timeout);
        try {
            if (processLock.getHoldCount() > 1) {
                return action.get(); // this thread already holds the OS lock
            }
            ensureFolder();
            try (FileChannel channel = openLockFile()) {
                FileLock lock = acquireOsLock(channel, deadline, timeout);
                try {
                    cleanUpTempFiles();
                    return action.get();
                } finally {
                    release(lock);
                }
            } catch (IOException e) {
                throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot lock " + lockFile, e);
            }
        } finally {
            processLock.unlock();
        }
    }

    private void acquireProcessLock(long deadline, Duration timeout) {
        if (timeout == null) {
            processLock.lock();
            return;
        }
        try {
            if (!processLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new LockTimeoutException("another thread held the token file lock for longer than " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while waiting for the token file lock");
        }
    }

    /** Polls with a growing pause: the OS lock cannot be waited for with a timeout. */
    private FileLock acquireOsLock(FileChannel channel, long deadline, Duration timeout) throws IOException {
        if (timeout == null) {
            return channel.lock(); // blocks until no other process holds it
        }
        long pause = 1;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LockTimeoutException("another process held the token file lock for longer than " + timeout);
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockTimeoutException("interrupted while waiting for the token file lock");
            }
            pause = Math.min(pause * 2, MAX_LOCK_POLL_MILLIS);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("lock release failed; closing the channel releases it", e);
        }
    }

    private FileChannel openLockFile() throws IOException {
        if (Files.isSymbolicLink(lockFile)) {
            throw symlink(lockFile);
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        if (posix) {
            return FileChannel.open(lockFile, options, ownerOnly(false));
        }
        return FileChannel.open(lockFile, options);
    }

    /** Deletes leftover temp files now if the folder exists and the locks are free; otherwise the first lock will. */
    private void cleanUpIfFree() {
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            withLock(Duration.ZERO, () -> null);
        } catch (TokenStoreException e) {
            LOG.debug("temporary files not checked at open ({}); the first write will", e.reason());
        }
    }

    /**
     * Runs with the OS lock held. Writers only create temporary files while they hold it, so any temporary file of
     * this token file found now was left by a writer that died.
     */
    private void cleanUpTempFiles() {
        if (tempFilesChecked) {
            return;
        }
        tempFilesChecked = true;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(file.getParent(), tempPrefix + "*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp); // a link is removed itself, never followed
                LOG.debug("deleted leftover temporary file {}", temp.getFileName());
            }
        } catch (IOException e) {
            LOG.warn("could not delete leftover temporary files next to {}: {}", file, e.toString());
        }
    }

    private void ensureFolder() {
        Path folder = file.getParent();
        if (folder == null) {
            return;
        }
        if (Files.isSymbolicLink(folder)) {
            throw symlink(folder);
        }
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Create missing folders one by one so that each one we create (and only those) gets 0700.
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        try {
            for (Path p : missing) {
                createFolder(p);
            }
        } catch (IOException e) {
            throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot create folder " + folder, e);
        }
    }

    private void createFolder(Path p) throws IOException {
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

    private void writeAtomically(byte[] bytes) {
        Path folder = file.getParent();
        Path temp = null;
        try {
            // createTempFile opens with CREATE_NEW (O_EXCL), which never follows a link planted under its name.
            temp = posix
                    ? Files.createTempFile(folder, tempPrefix, ".tmp", ownerOnly(false))
                    : Files.createTempFile(folder, tempPrefix, ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.isSymbolicLink(file)) {
                throw symlink(file);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            snapshot = null;
            syncFolder(folder);
        } catch (IOException e) {
            throw new TokenStoreException(TokenStoreException.Reason.IO, "cannot write token file " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not delete temporary file {}", temp, e);
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

    private static void refuseLink(BasicFileAttributes attributes, Path path) {
        if (attributes.isSymbolicLink()) {
            throw symlink(path);
        }
    }

    private static TokenStoreException symlink(Path path) {
        return new TokenStoreException(TokenStoreException.Reason.SYMLINK,
                path + " is a symbolic link; the token store does not follow links", null);
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(boolean folder) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(folder ? "rwx------" : "rw-------"));
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }
}
