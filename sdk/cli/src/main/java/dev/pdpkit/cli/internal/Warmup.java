package dev.pdpkit.cli.internal;

import dev.pdpkit.client.core.JsonValue;
import java.security.Security;
import java.util.logging.Logger;

/**
 * Initialises, on a spare thread, JDK and library state that building the client and its first call would otherwise
 * initialise on the critical path: {@code java.util.logging} (OkHttp's task runner creates a logger, and the log
 * manager then searches the whole class path for a logger-finder service), the list of security providers (OkHttp
 * reads it on its first call, which loads every provider) and the SDK's JSON mapper (Jackson's default date format
 * pulls in the JDK's locale data). Together about a quarter of a cold {@code pdp whoami}; done while picocli parses
 * or the client is built, it costs little wall time. It only initialises what the command would initialise anyway,
 * so it cannot change what the command does.
 */
final class Warmup {
    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    static void start() {
        Thread t = new Thread(Warmup::run, "pdp-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        Logger.getLogger(Warmup.class.getName());
        Security.getProviders();
        try {
            JsonValue.parse("{\"warm\":[1]}"); // the SDK's own mapper, which the response is then read with
        } catch (RuntimeException e) {
            // Only a warm-up: the real call reports its own failures.
        }
    }
}
