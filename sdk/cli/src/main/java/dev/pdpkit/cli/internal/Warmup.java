package dev.pdpkit.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Security;
import java.util.logging.Logger;

/**
 * Initialises, on a spare thread, JDK and library state that building the client and its first call would otherwise
 * initialise on the critical path: {@code java.util.logging} (OkHttp's task runner creates a logger, and the log
 * manager then searches the whole class path for a logger-finder service), the list of security providers (OkHttp
 * reads it on its first call, which loads every provider) and Jackson's mapper machinery (its default date format
 * pulls in the JDK's locale data). Together about a quarter of a cold {@code pdp whoami}; done while picocli parses
 * and the client is built, it costs little wall time. It creates nothing the command then uses, so it cannot change
 * what the command does.
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
            new ObjectMapper().readTree("{\"warm\":[1]}");
        } catch (JsonProcessingException | RuntimeException e) {
            // Only a warm-up: the real call reports its own failures.
        }
    }
}
