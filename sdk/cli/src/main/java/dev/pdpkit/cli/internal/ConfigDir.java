package dev.pdpkit.cli.internal;

import dev.pdpkit.cli.CliEnvironment;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The folder {@code pdp} keeps its login in: {@code PDP_CONFIG_DIR} if set; else {@code $XDG_CONFIG_HOME/pdpkit} or
 * {@code ~/.config/pdpkit} on Linux and other Unix systems, {@code ~/Library/Application Support/pdpkit} on macOS and
 * {@code %APPDATA%\pdpkit} on Windows.
 */
public final class ConfigDir {
    /** Overrides the folder. */
    public static final String ENV_CONFIG_DIR = "PDP_CONFIG_DIR";

    private ConfigDir() {
    }

    /**
     * @param env the environment
     * @return the folder (not created here)
     */
    public static Path resolve(CliEnvironment env) {
        String explicit = env.get(ENV_CONFIG_DIR);
        if (explicit != null) {
            return Path.of(explicit);
        }
        String home = env.get("HOME") != null ? env.get("HOME") : System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "pdpkit");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "pdpkit");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null ? Path.of(xdg, "pdpkit") : Path.of(home, ".config", "pdpkit");
    }
}
