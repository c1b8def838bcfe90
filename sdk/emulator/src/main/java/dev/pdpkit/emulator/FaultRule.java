package dev.pdpkit.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scripted fault, created by {@link Faults#nextRequests(String, int)} and friends. It applies to the matching
 * requests until its count is used up. Configure it fluently right after creating it:
 *
 * <pre>{@code
 * emulator.faults().nextRequests("/v1/projects", 2).respond(503).retryAfter(Duration.ofSeconds(1));
 * emulator.faults().nextRequest("POST /v1/projects").dropConnection();
 * emulator.faults().nextRequest("getV1DatabasesByDatabaseIdUsage").delay(Duration.ofMillis(300));
 * emulator.faults().nextRequest("POST /v1/connections/{id}/rotate").dropResponse();
 * }</pre>
 *
 * <p>A rule does nothing until one of {@link #respond(int)}, {@link #delay(Duration)}, {@link #dropConnection()} or
 * {@link #dropResponse()} has been called; a rule with only a delay lets the request through after the wait.
 */
public final class FaultRule {
    /** What happens to a matched request. */
    public enum Action {
        /** Nothing configured yet: the rule is not armed. */
        NONE,
        /** Wait, then handle the request normally. */
        DELAY_ONLY,
        /** Answer with a status (and the documented error body) without handling the request. */
        RESPOND,
        /** Close the connection without any answer; the request is not handled. */
        DROP_CONNECTION,
        /** Handle the request (its effects happen), then close the connection instead of answering. */
        DROP_RESPONSE
    }

    private final String matcher;
    private final RequestMatcher match;
    private final AtomicInteger remaining;
    private final boolean unlimited;
    private final AtomicInteger applied = new AtomicInteger();
    private volatile Action action = Action.NONE;
    private volatile int status;
    private volatile String body;
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration retryAfter;
    private final Map<String, String> headers = new LinkedHashMap<>();

    FaultRule(String matcher, int count) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.match = RequestMatcher.parse(matcher);
        if (count == 0 || count < -1) {
            throw new IllegalArgumentException("count must be positive (or -1 for every request): " + count);
        }
        this.unlimited = count == -1;
        this.remaining = new AtomicInteger(unlimited ? Integer.MAX_VALUE : count);
    }

    /**
     * Answers matched requests with {@code status} and the documented error body
     * {@code {"error":{"code","message"}}}, without handling them.
     *
     * @param status the HTTP status to answer with, 100 to 599
     * @return this rule
     * @throws IllegalArgumentException if {@code status} is not an HTTP status
     */
    public FaultRule respond(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        this.status = status;
        this.action = Action.RESPOND;
        return this;
    }

    /**
     * Answers with {@code status} and this exact body (sent as {@code application/json}).
     *
     * @param status the HTTP status to answer with, 100 to 599
     * @param jsonBody the body to send instead of the documented error body
     * @return this rule
     * @throws IllegalArgumentException if {@code status} is not an HTTP status
     */
    public FaultRule respond(int status, String jsonBody) {
        this.body = jsonBody;
        return respond(status);
    }

    /**
     * Adds {@code Retry-After} (whole seconds, rounded up) to the fault answer.
     *
     * @param wait the wait to announce
     * @return this rule
     */
    public FaultRule retryAfter(Duration wait) {
        this.retryAfter = Objects.requireNonNull(wait, "wait");
        return this;
    }

    /**
     * Adds a header to the fault answer.
     *
     * @param name the header name
     * @param value the header value
     * @return this rule
     */
    public FaultRule header(String name, String value) {
        synchronized (headers) {
            headers.put(name, value);
        }
        return this;
    }

    /**
     * Waits before acting. On its own, the request is then handled normally (a slow server); combined with
     * {@link #respond(int)} or a drop, the wait comes first.
     *
     * @param wait how long to wait before acting
     * @return this rule
     */
    public FaultRule delay(Duration wait) {
        this.delay = Objects.requireNonNull(wait, "wait");
        if (action == Action.NONE) {
            action = Action.DELAY_ONLY;
        }
        return this;
    }

    /**
     * Closes the connection without sending anything; the request has no effect.
     *
     * @return this rule
     */
    public FaultRule dropConnection() {
        this.action = Action.DROP_CONNECTION;
        return this;
    }

    /**
     * Handles the request, then closes the connection without answering: the change happened but the client never
     * learns it (a lost response, e.g. to test what a retry of a create does).
     *
     * @return this rule
     */
    public FaultRule dropResponse() {
        this.action = Action.DROP_RESPONSE;
        return this;
    }

    /** @return the matcher text this rule was created with */
    public String matcher() {
        return matcher;
    }

    /** @return how many more requests the rule applies to ({@link Integer#MAX_VALUE} for unlimited rules) */
    public int remaining() {
        return Math.max(0, remaining.get());
    }

    /** @return how many requests the rule was applied to */
    public int applied() {
        return applied.get();
    }

    /** @return what the rule does to a matched request; {@link Action#NONE} until it is configured */
    public Action action() {
        return action;
    }

    /** @return the status a {@link Action#RESPOND} rule answers with, or 0 when none was set */
    public int status() {
        return status;
    }

    /** @return the exact body given to {@link #respond(int, String)}, or null for the documented error body */
    public String body() {
        return body;
    }

    /** @return the wait before acting; {@link Duration#ZERO} when no delay was set */
    public Duration delay() {
        return delay;
    }

    /** @return the {@code Retry-After} wait added to the fault answer, or null when none was set */
    public Duration retryAfterValue() {
        return retryAfter;
    }

    /** @return a copy of the headers added to the fault answer, in the order they were added */
    public Map<String, String> headers() {
        synchronized (headers) {
            return Map.copyOf(headers);
        }
    }

    boolean matches(String method, String path, String operationId) {
        return action != Action.NONE && remaining.get() > 0 && match.matches(method, path, operationId);
    }

    /** Takes one use of the rule. @return false if it was used up concurrently */
    boolean claim() {
        if (unlimited) {
            applied.incrementAndGet();
            return true;
        }
        int left = remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0);
        if (left > 0) {
            applied.incrementAndGet();
            return true;
        }
        return false;
    }

    boolean exhausted() {
        return !unlimited && remaining.get() <= 0;
    }

    @Override
    public String toString() {
        return "FaultRule[" + matcher + ", action=" + action + ", status=" + status + ", delay=" + delay
                + ", remaining=" + (unlimited ? "unlimited" : remaining()) + ", applied=" + applied() + "]";
    }
}
