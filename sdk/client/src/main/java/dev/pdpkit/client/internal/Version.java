package dev.pdpkit.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK version, from a resource Maven fills in at build time. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /** @return the SDK version, or "unknown" when run from unfiltered sources */
    public static String sdkVersion() {
        return VERSION;
    }

    /** @return the default {@code User-Agent}: SDK name and version, Java version */
    public static String userAgent() {
        return "pdpkit-java/" + VERSION + " (Java " + System.getProperty("java.version", "?") + ")";
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/pdpkit/client/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
