package dev.pdpkit.emulator.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What a connection may cost the server: how long a client may take to send a request head or a body, how long an
 * idle keep-alive connection stays open, and how many bytes a head may have.
 *
 * @param headerTimeout time from the first byte of a request to the end of its head
 * @param bodyTimeout time to receive a body once the handler asks for it
 * @param idleTimeout time a kept-alive connection may wait for its next request
 * @param maxHeaderBytes largest request head (request line plus header lines)
 * @param maxConnections connections served at once; more wait in the accept queue
 */
public record HttpLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxHeaderBytes,
                         int maxConnections) {
    /** Generous for tests and browsers, yet no client can hold a connection thread forever. */
    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(30), 32 * 1024, 200);

    public HttpLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxHeaderBytes < 1024 || maxConnections < 1) {
            throw new IllegalArgumentException("maxHeaderBytes >= 1024 and maxConnections >= 1 required");
        }
    }

    /** @return these limits with other header and body timeouts */
    public HttpLimits withTimeouts(Duration header, Duration body) {
        return new HttpLimits(header, body, idleTimeout, maxHeaderBytes, maxConnections);
    }
}
