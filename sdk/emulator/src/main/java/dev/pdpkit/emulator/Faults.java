package dev.pdpkit.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Scripted failures of the emulated API, for testing retries, timeouts and lost responses:
 *
 * <pre>{@code
 * emulator.faults().nextRequests("/v1/projects", 2).respond(503).retryAfter(Duration.ofSeconds(1));
 * emulator.faults().nextRequest("POST /v1/projects").dropConnection();
 * emulator.faults().allRequests("GET /v1/projects/{id}").delay(Duration.ofMillis(200));
 * emulator.faults().rateLimit(10, Duration.ofSeconds(1));   // 429 + Retry-After beyond 10 requests a second
 * emulator.faults().clear();
 * }</pre>
 *
 * <p>Matchers: a path prefix ({@code /v1/projects} also matches {@code /v1/projects/proj_1}), optionally preceded by a
 * method ({@code POST /v1/projects}); a template with {@code {var}} or {@code *} segments, matched exactly
 * ({@code DELETE /v1/projects/{id}}); an operationId ({@code postV1Projects}); or {@code *} for everything.
 *
 * <p>Rules are checked in the order they were added; the first armed rule that matches and still has uses left is
 * applied, one use per request. Faults come before authentication and validation, like a failing gateway would.
 * Fault answers are not checked against the spec (a 503 is not declared by most operations).
 */
public final class Faults {
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private volatile RateLimit rateLimit;

    Faults() {
    }

    /**
     * Adds a fault for the next {@code count} requests that match.
     *
     * @param matcher which requests the fault applies to (see the class description)
     * @param count how many matching requests the fault applies to
     * @return the new rule, to be configured
     * @throws IllegalArgumentException if {@code count} is not positive or the matcher cannot be parsed
     */
    public FaultRule nextRequests(String matcher, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        FaultRule rule = new FaultRule(matcher, count);
        rules.add(rule);
        return rule;
    }

    /**
     * Adds a fault for the next request that matches.
     *
     * @param matcher which request the fault applies to (see the class description)
     * @return the new rule, to be configured
     */
    public FaultRule nextRequest(String matcher) {
        return nextRequests(matcher, 1);
    }

    /**
     * Adds a fault for every matching request until {@link #clear()} or {@link #remove(FaultRule)}.
     *
     * @param matcher which requests the fault applies to (see the class description)
     * @return the new rule, to be configured
     */
    public FaultRule allRequests(String matcher) {
        FaultRule rule = new FaultRule(matcher, -1);
        rules.add(rule);
        return rule;
    }

    /**
     * Answers 429 with {@code Retry-After} to API requests beyond {@code maxRequests} per fixed {@code window}.
     * Replaces any earlier rate limit.
     *
     * @param maxRequests how many requests each window admits
     * @param window the length of a window
     * @return these faults
     * @throws IllegalArgumentException if {@code maxRequests} or {@code window} is not positive
     */
    public Faults rateLimit(int maxRequests, Duration window) {
        return rateLimit("*", maxRequests, window);
    }

    /**
     * Like {@link #rateLimit(int, Duration)}, counting only the requests that match.
     *
     * @param matcher which requests count against the limit (see the class description)
     * @param maxRequests how many matching requests each window admits
     * @param window the length of a window
     * @return these faults
     * @throws IllegalArgumentException if {@code maxRequests} or {@code window} is not positive
     */
    public Faults rateLimit(String matcher, int maxRequests, Duration window) {
        if (maxRequests <= 0 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("need maxRequests > 0 and a positive window");
        }
        rateLimit = new RateLimit(RequestMatcher.parse(matcher), maxRequests, window);
        return this;
    }

    /**
     * Turns the rate limit off.
     *
     * @return these faults
     */
    public Faults noRateLimit() {
        rateLimit = null;
        return this;
    }

    /**
     * Removes a rule, whether or not it has uses left.
     *
     * @param rule a rule created by these faults
     */
    public void remove(FaultRule rule) {
        rules.remove(rule);
    }

    /** @return the rules that still have uses left */
    public List<FaultRule> rules() {
        rules.removeIf(FaultRule::exhausted);
        return List.copyOf(rules);
    }

    /** Removes every rule and the rate limit. */
    public void clear() {
        rules.clear();
        rateLimit = null;
    }

    /** @return the rule to apply to this request, already claimed, or null */
    FaultRule pick(String method, String path, String operationId) {
        for (FaultRule rule : rules) {
            if (rule.matches(method, path, operationId) && rule.claim()) {
                if (rule.exhausted()) {
                    rules.remove(rule);
                }
                return rule;
            }
        }
        return null;
    }

    /** @return how long the client should wait if this request is over the rate limit, or null */
    Duration rateLimited(String method, String path, String operationId, long nowNanos) {
        RateLimit limit = rateLimit;
        if (limit == null || !limit.matcher.matches(method, path, operationId)) {
            return null;
        }
        return limit.admit(nowNanos);
    }

    private static final class RateLimit {
        final RequestMatcher matcher;
        final int max;
        final long windowNanos;
        long windowStart = Long.MIN_VALUE;
        int count;

        RateLimit(RequestMatcher matcher, int max, Duration window) {
            this.matcher = Objects.requireNonNull(matcher);
            this.max = max;
            this.windowNanos = window.toNanos();
        }

        synchronized Duration admit(long now) {
            if (windowStart == Long.MIN_VALUE || now - windowStart >= windowNanos) {
                windowStart = now;
                count = 0;
            }
            if (count < max) {
                count++;
                return null;
            }
            return Duration.ofNanos(windowNanos - (now - windowStart));
        }
    }
}
