package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.internal.http.ApiRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * One attempt of a call as it travels down the pipeline. The credentials stage sets its bearer token; the retry stage
 * creates a fresh attempt every time, so a retried request gets a fresh credential.
 */
public final class Attempt {
    private final ApiRequest request;
    private final RequestOptions options;
    private final int number;
    private final long deadlineMillis;
    private final Clock clock;
    private final Duration timeout;
    private String authorization;

    Attempt(ApiRequest request, RequestOptions options, int number, long deadlineMillis, Clock clock,
            Duration timeout) {
        this.request = request;
        this.options = options;
        this.number = number;
        this.deadlineMillis = deadlineMillis;
        this.clock = clock;
        this.timeout = timeout;
    }

    public ApiRequest request() {
        return request;
    }

    public RequestOptions options() {
        return options;
    }

    /** @return 1 for the first attempt, 2 for the first retry, and so on */
    public int number() {
        return number;
    }

    /** @return the time left before the whole call's deadline; zero or negative when it has passed */
    public Duration remaining() {
        return Duration.ofMillis(deadlineMillis - clock.millis());
    }

    /** @return how long this attempt may take: the call's remaining budget, or part of it when a retry may follow */
    public Duration timeout() {
        return timeout;
    }

    /** @return the {@code Authorization} header value the credentials stage set, or null before it ran */
    public String authorization() {
        return authorization;
    }

    /** @param value the {@code Authorization} header value to send with this attempt */
    void authorization(String value) {
        this.authorization = value;
    }
}
