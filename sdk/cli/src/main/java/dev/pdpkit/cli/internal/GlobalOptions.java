package dev.pdpkit.cli.internal;

import picocli.CommandLine.Option;

/**
 * The options every {@code pdp} command accepts, before or after its name. Each command mixes in its own instance;
 * all of them write into the one {@link Session}, and only ever switch a flag on (picocli also calls the setters with
 * the default value for a command where the option was not given).
 */
public final class GlobalOptions {
    private final Session session;

    /**
     * @param session the session the flags are recorded in
     */
    public GlobalOptions(Session session) {
        this.session = session;
    }

    @Option(names = "--json", description = "Print machine-readable JSON (shapes documented in the README).")
    void json(boolean on) {
        session.json |= on;
    }

    @Option(names = {"-q", "--quiet"}, description = "Print only ids (one per line), no progress; errors still go to"
            + " standard error.")
    void quiet(boolean on) {
        session.quiet |= on;
    }

    @Option(names = "--verbose", description = "Add stack traces to errors and log the SDK's requests (redacted).")
    void verbose(boolean on) {
        session.verbose |= on;
    }
}
