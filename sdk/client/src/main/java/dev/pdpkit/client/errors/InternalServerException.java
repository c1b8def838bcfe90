package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/** HTTP 5xx: the server failed. Usually transient; the client retries these before throwing. */
public final class InternalServerException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    /** The wait the server asked for with {@code Retry-After}, or null when it sent none. */
    private final Duration retryAfter;

    InternalServerException(int statusCode, String errorCode, String errorMessage, String hint, HttpHeaders headers,
                            String rawBody, Duration retryAfter) {
        super(statusCode, errorCode, errorMessage, hint, headers, rawBody);
        this.retryAfter = retryAfter;
    }

    /** @return the wait the server asked for with {@code Retry-After} (for example on a 503), if any */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
