package dev.pdpkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code pdp --version}: the build's version and the Java runtime. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    /** @return the version {@code pdp} was built as */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/pdpkit/cli/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pdp " + version() + " (pdpkit; Java " + Runtime.version() + ")"};
    }
}
