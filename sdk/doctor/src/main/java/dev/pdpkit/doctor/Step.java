package dev.pdpkit.doctor;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One step of a check, in the order the doctor ran it.
 *
 * @param kind what the step checked
 * @param outcome how it ended
 * @param duration how long it took
 * @param detail what it saw, in plain words, with secrets masked
 */
public record Step(Kind kind, Outcome outcome, Duration duration, String detail) {
    /** The steps, in the order they run. */
    public enum Kind {
        /** The database's status in the Management API. */
        API_STATUS,
        /** Reading the connection string: its form, host, TLS mode and whether it is pooled or direct. */
        URL,
        /** Resolving the host name. */
        DNS,
        /** Opening a TCP connection. */
        TCP,
        /** Asking the server whether it offers TLS (PostgreSQL's SSLRequest): does it speak PostgreSQL at all? */
        SERVER_HELLO,
        /** Logging in with the PostgreSQL JDBC driver (TLS handshake, authentication, database name). */
        LOGIN,
        /** Running {@code SELECT 1}. */
        QUERY;

        /** @return the name used in JSON, e.g. {@code server-hello} */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How a step ended. */
    public enum Outcome {
        /** It worked. */
        PASSED,
        /** It worked, with a warning. */
        WARNED,
        /** It failed; the check stopped here. */
        FAILED,
        /** It was not run (nothing to check it with). */
        SKIPPED;

        /** @return the name used in JSON, e.g. {@code passed} */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks that nothing is null.
     *
     * @param kind what the step checked
     * @param outcome how it ended
     * @param duration how long it took
     * @param detail what it saw, free of secrets
     */
    public Step {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(detail, "detail");
    }
}
