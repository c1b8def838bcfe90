package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/** HTTP 429: too many requests. {@link #retryAfter()} tells how long the server asked to wait. */
public final class RateLimitException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    /** The wait the server asked for with {@code Retry-After}, or null when it sent none. */
    private final Duration retryAfter;

    RateLimitException(String errorCode, String errorMessage, String hint, HttpHeaders headers, String rawBody,
                       Duration retryAfter) {
        super(429, errorCode, errorMessage, hint, headers, rawBody);
        this.retryAfter = retryAfter;
    }

    /** @return the wait the server asked for with {@code Retry-After} (seconds or HTTP date), if it sent one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
