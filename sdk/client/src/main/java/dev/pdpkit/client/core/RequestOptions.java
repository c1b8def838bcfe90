package dev.pdpkit.client.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call settings that override the client's defaults for one request.
 *
 * <pre>{@code
 * client.projects().list(ProjectListParams.none(),
 *     RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(0).build());
 * }</pre>
 */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final Duration timeout;
    private final Integer maxRetries;
    private final Boolean retryNonIdempotent;
    private final Map<String, String> headers;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.retryNonIdempotent = b.retryNonIdempotent;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    }

    /** @return options that change nothing */
    public static RequestOptions none() {
        return NONE;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised from these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.maxRetries = maxRetries;
        b.retryNonIdempotent = retryNonIdempotent;
        b.headers.putAll(headers);
        return b;
    }

    /** @return the whole-call timeout (all attempts), if overridden */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the maximum number of retries after the first attempt, if overridden */
    public Optional<Integer> maxRetries() {
        return Optional.ofNullable(maxRetries);
    }

    /**
     * @return whether a POST or PATCH may be retried after it may have reached the server, if overridden; the caller
     *     takes responsibility for duplicates
     */
    public Optional<Boolean> retryNonIdempotent() {
        return Optional.ofNullable(retryNonIdempotent);
    }

    /** @return extra request headers, in insertion order */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Returns options where every setting of {@code overrides} replaces the one here; headers are merged.
     *
     * @param overrides the options that win
     * @return the merged options
     */
    public RequestOptions merge(RequestOptions overrides) {
        Builder b = toBuilder();
        overrides.timeout().ifPresent(b::timeout);
        overrides.maxRetries().ifPresent(b::maxRetries);
        overrides.retryNonIdempotent().ifPresent(b::retryNonIdempotent);
        b.headers.putAll(overrides.headers);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RequestOptions)) {
            return false;
        }
        RequestOptions r = (RequestOptions) o;
        return Objects.equals(timeout, r.timeout) && Objects.equals(maxRetries, r.maxRetries)
                && Objects.equals(retryNonIdempotent, r.retryNonIdempotent) && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, maxRetries, retryNonIdempotent, headers);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((k, v) -> shown.put(k, HttpHeaders.isSensitive(k) ? "***" : v));
        return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", retryNonIdempotent="
                + retryNonIdempotent + ", headers=" + shown + "}";
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private Integer maxRetries;
        private Boolean retryNonIdempotent;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the time budget of the whole call, every attempt and back-off included.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the duration is zero or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets how many times a failed attempt may be retried; 0 disables retries for this call.
         *
         * @param maxRetries zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Allows retrying a POST or PATCH even after it may have reached the server. Only for operations the caller
         * knows to be safe to repeat.
         *
         * @param retry true to allow
         * @return this builder
         */
        public Builder retryNonIdempotent(boolean retry) {
            this.retryNonIdempotent = retry;
            return this;
        }

        /**
         * Adds a header to the request, replacing one of the same name set here before.
         *
         * @param name header name
         * @param value header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @return the options */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
