package dev.pdpkit.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate made with {@code openssl req} (Debian's {@code openssl} package, which
 * {@code postgresql} pulls in), in files the PostgreSQL server can read: when the tests run as root, the server runs as
 * {@code postgres}, which must own the key (mode 0600) and be able to enter the folder.
 */
final class SelfSignedCert {
    final Path dir;
    final Path cert;
    final Path key;

    private SelfSignedCert(Path dir) {
        this.dir = dir;
        this.cert = dir.resolve("server.crt");
        this.key = dir.resolve("server.key");
    }

    static SelfSignedCert create(String commonName) throws IOException, InterruptedException {
        SelfSignedCert c = new SelfSignedCert(Files.createTempDirectory("pdpkit-doctor-tls-"));
        Process p = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-days", "2", "-subj", "/CN=" + commonName, "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", c.key.toString(), "-out", c.cert.toString())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl req failed: " + output);
        }
        Files.setPosixFilePermissions(c.key, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(c.dir, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(c.cert, PosixFilePermissions.fromString("rw-r--r--"));
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres = c.dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(c.key, postgres);
            Files.setOwner(c.cert, postgres);
        }
        return c;
    }

    void delete() throws IOException {
        Files.deleteIfExists(key);
        Files.deleteIfExists(cert);
        Files.deleteIfExists(dir);
    }
}
