package dev.pdpkit.cli.commands;

import dev.pdpkit.cli.internal.CliException;
import dev.pdpkit.cli.internal.ExitCodes;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.waiters.ResourceFailedException;
import dev.pdpkit.client.waiters.WaitOptions;
import dev.pdpkit.client.waiters.WaitProgress;
import dev.pdpkit.client.waiters.Waiters;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --wait} and {@code --timeout}: waits with the SDK's database waiter until the database is ready, showing
 * progress on standard error: one line redrawn in place on a terminal, a plain line per poll otherwise (CI logs).
 */
final class DatabaseWait {
    @Option(names = "--wait", description = "Wait until the database is ready, showing progress.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long --wait waits (30s, 5m, 1h; default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "1s", hidden = true)
    String pollInterval;

    /**
     * Waits if {@code --wait} was given.
     *
     * @return the ready database, or null without {@code --wait}
     * @throws CliException with {@link ExitCodes#ERROR} if the database failed
     */
    Database awaitIfAsked(Session session, String databaseId) {
        if (!wait) {
            return null;
        }
        PrintStream err = session.env().err();
        boolean terminal = session.env().terminal();
        boolean quiet = session.quiet();
        WaitOptions options = WaitOptions.builder()
                .timeout(Ages.parse(timeout, "--timeout"))
                .initialInterval(Ages.parse(pollInterval, "--poll-interval"))
                .maxInterval(Duration.ofSeconds(10))
                .multiplier(1.5)
                .listener(p -> {
                    if (!quiet) {
                        err.print(line(databaseId, p, terminal));
                        err.flush();
                    }
                })
                .build();
        try {
            Database ready = Waiters.database(session.client()).untilReady(databaseId, options);
            if (!quiet) {
                err.print(terminal ? "\r\033[K" : "");
                err.println("database " + databaseId + " is ready");
            }
            return ready;
        } catch (ResourceFailedException e) {
            throw new CliException(ExitCodes.ERROR, "database " + databaseId + " failed (status " + e.status() + ")");
        } finally {
            err.flush();
        }
    }

    private static String line(String databaseId, WaitProgress p, boolean terminal) {
        String text = String.format(Locale.ROOT, "waiting for database %s: %s (%.1f s)", databaseId, p.status(),
                p.elapsed().toMillis() / 1000.0);
        // On a terminal: carriage return and erase-line, so the status updates in place.
        return terminal ? "\r\033[K" + text : text + System.lineSeparator();
    }
}
