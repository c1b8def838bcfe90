package dev.pdpkit.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a secret to a file that only its owner can read: a temporary file created with mode 0600 in the target's
 * folder, then linked (new file) or renamed (replacing) into place, so no reader ever sees a partial or
 * world-readable file.
 */
public final class SecretFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /**
     * @param target the file
     * @param value the secret; a newline is appended
     * @param replace whether an existing file may be replaced
     * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists and {@code replace} is false
     * @throws IOException if writing fails
     */
    public static void write(Path target, String value, boolean replace) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(dir, "." + abs.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
            if (replace) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                // A hard link fails if the target exists: an atomic create-if-absent, unlike a rename.
                Files.createLink(abs, tmp);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
