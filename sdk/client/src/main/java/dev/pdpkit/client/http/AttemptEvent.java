package dev.pdpkit.client.http;

import dev.pdpkit.client.errors.PrismaException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** One finished attempt of a call, as an {@link AttemptListener} receives it. Free of secrets. */
public final class AttemptEvent {

    /** What the client does after the attempt. */
    public enum Outcome {
        /** The attempt succeeded; the call returns its result. */
        SUCCEEDED,
        /** The attempt failed and the client will try again. */
        RETRYING,
        /** The attempt failed and the call ends with its failure. */
        FAILED
    }

    private final String operationId;
    private final int attempt;
    private final String method;
    private final String pathTemplate;
    private final int status;
    private final PrismaException failure;
    private final Duration duration;
    private final Outcome outcome;

    /**
     * Creates an event.
     *
     * @param operationId the spec's operationId, such as {@code getV1ProjectsById}
     * @param attempt 1 for the first attempt
     * @param method the HTTP method
     * @param pathTemplate the path with placeholders, such as {@code /v1/projects/{id}}
     * @param status the HTTP status, or 0 when no response arrived
     * @param failure the failure, or null when the attempt succeeded
     * @param duration how long the attempt took
     * @param outcome what the client does next
     */
    public AttemptEvent(String operationId, int attempt, String method, String pathTemplate, int status,
                        PrismaException failure, Duration duration, Outcome outcome) {
        this.operationId = Objects.requireNonNull(operationId);
        this.attempt = attempt;
        this.method = Objects.requireNonNull(method);
        this.pathTemplate = Objects.requireNonNull(pathTemplate);
        this.status = status;
        this.failure = failure;
        this.duration = Objects.requireNonNull(duration);
        this.outcome = Objects.requireNonNull(outcome);
    }

    /** @return the spec's operationId */
    public String operationId() {
        return operationId;
    }

    /** @return 1 for the first attempt, 2 for the first retry, and so on */
    public int attempt() {
        return attempt;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the path template, free of ids */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** @return the HTTP status, or empty when no response arrived */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** @return the failure, or empty when the attempt succeeded */
    public Optional<PrismaException> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return how long the attempt took */
    public Duration duration() {
        return duration;
    }

    /** @return what the client does next */
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return "AttemptEvent{" + operationId + " #" + attempt + " " + method + " " + pathTemplate + " status="
                + status + " " + outcome + (failure == null ? "" : " " + failure.getClass().getSimpleName())
                + " " + duration.toMillis() + "ms}";
    }
}
