package dev.pdpkit.cli;

import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@code pdp} reads from and writes to: environment variables, standard output and error, whether standard
 * output is a terminal, and how a URL is opened in a browser. {@link #system()} is the real process; tests pass their
 * own to run commands in-process.
 *
 * @param variables the environment variables (for example {@code PRISMA_SERVICE_TOKEN})
 * @param out standard output: results only
 * @param err standard error: progress, prompts and errors
 * @param terminal whether {@code out} is an interactive terminal (progress is redrawn in place instead of printed as
 *     lines)
 * @param browser opens the login URL, or null to use the system browser
 */
public record CliEnvironment(Map<String, String> variables, PrintStream out, PrintStream err, boolean terminal,
                             Consumer<URI> browser) {
    /**
     * Creates an environment; {@code variables} is copied.
     *
     * @param variables the environment variables (for example {@code PRISMA_SERVICE_TOKEN})
     * @param out standard output: results only
     * @param err standard error: progress, prompts and errors
     * @param terminal whether {@code out} is an interactive terminal
     * @param browser opens the login URL, or null to use the system browser
     * @throws NullPointerException if variables, out or err is null
     */
    public CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** @return the environment of this process, {@code System.out} and {@code System.err} */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.out, System.err, System.console() != null, null);
    }

    /**
     * @param name a variable name
     * @return its value, or null when unset or blank
     */
    public String get(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
