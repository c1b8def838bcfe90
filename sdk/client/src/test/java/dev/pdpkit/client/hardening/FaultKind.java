package dev.pdpkit.client.hardening;

import dev.pdpkit.client.hardening.RawHttpServer.Step;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The faults of the matrix, with the retry rule of the contract that applies to each. */
enum FaultKind {
    STATUS_500(Rule.STATUS, 500),
    STATUS_502(Rule.STATUS, 502),
    STATUS_503_RETRY_AFTER_SECONDS(Rule.STATUS, 503, "Retry-After: 1"),
    STATUS_503_RETRY_AFTER_DATE(Rule.STATUS, 503, null),
    STATUS_504(Rule.STATUS, 504),
    STATUS_408(Rule.NOT_PROCESSED, 408),
    STATUS_599(Rule.STATUS, 599),
    STATUS_429(Rule.NOT_PROCESSED, 429),
    STATUS_429_RETRY_AFTER_SECONDS(Rule.NOT_PROCESSED, 429, "Retry-After: 1"),
    STATUS_501(Rule.NEVER, 501),
    STATUS_505(Rule.NEVER, 505),
    RESET_BEFORE_READ(Rule.MAY_HAVE_BEEN_SENT, false),
    CLOSE_BEFORE_READ(Rule.MAY_HAVE_BEEN_SENT, false),
    RESET_AFTER_READ(Rule.MAY_HAVE_BEEN_SENT, true),
    CLOSE_AFTER_READ(Rule.MAY_HAVE_BEEN_SENT, true),
    STALL(Rule.MAY_HAVE_BEEN_SENT, true),
    TRUNCATED_BODY(Rule.MAY_HAVE_BEEN_SENT, true),
    TRICKLED_BODY(Rule.BENIGN, true),
    STALE_POOLED_CONNECTION(Rule.NEVER_LEFT, false),
    CONNECTION_REFUSED(Rule.NEVER_LEFT, false),
    UNRESOLVABLE_HOST(Rule.NEVER_LEFT, false),
    RETRY_AFTER_HUGE_NUMBER(Rule.TYPED_ONLY, 503, "Retry-After: 99999999999999999999999"),
    NEGATIVE_CONTENT_LENGTH(Rule.TYPED_ONLY, true);

    /** When the contract allows a retry after this fault. */
    enum Rule {
        /** Never left the machine: retried for every method. */
        NEVER_LEFT,
        /** 429 or 408: the server says it did not process the request, so it is retried for every method. */
        NOT_PROCESSED,
        /** 5xx except 501/505: retried for GET, DELETE and logicalId creates, never for a plain POST. */
        STATUS,
        /** Timeout, reset or close after the request may have been sent: as {@link #STATUS}. */
        MAY_HAVE_BEEN_SENT,
        /** Never retried. */
        NEVER,
        /** Not a failure at all: the answer is slow but complete. */
        BENIGN,
        /** Only a typed outcome within the budget is required. */
        TYPED_ONLY
    }

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    final Rule rule;
    final int status;
    final boolean processes;
    private final String header;

    FaultKind(Rule rule, int status) {
        this(rule, status, null);
    }

    FaultKind(Rule rule, int status, String header) {
        this.rule = rule;
        this.status = status;
        this.header = header;
        this.processes = false;
    }

    FaultKind(Rule rule, boolean processes) {
        this.rule = rule;
        this.status = 0;
        this.header = null;
        this.processes = processes;
    }

    /** @return true when the fault is in the client's own network set-up rather than in an answer */
    boolean atConnection() {
        return this == STALE_POOLED_CONNECTION || this == CONNECTION_REFUSED || this == UNRESOLVABLE_HOST;
    }

    /** @return whether the contract allows {@code op} to be retried after this fault */
    boolean retryAllowed(MatrixOp op) {
        switch (rule) {
            case NEVER_LEFT:
            case NOT_PROCESSED:
                return true;
            case STATUS:
            case MAY_HAVE_BEEN_SENT:
                return op != MatrixOp.CREATE;
            default:
                return false;
        }
    }

    /** @return what the server does to a request this fault hits */
    Step step(ProjectsApp app) {
        switch (this) {
            case RESET_BEFORE_READ:
                return Step.resetBeforeRead();
            case CLOSE_BEFORE_READ:
                return Step.closeBeforeRead();
            case RESET_AFTER_READ:
                return Step.read(processing(app, Replies.resetAfterRead()));
            case CLOSE_AFTER_READ:
                return Step.read(processing(app, Replies.closeAfterRead()));
            case STALL:
                return Step.read(processing(app, Replies.stall()));
            case TRUNCATED_BODY:
            case TRICKLED_BODY:
            case NEGATIVE_CONTENT_LENGTH:
                return Step.read(mangled(app));
            case STATUS_503_RETRY_AFTER_DATE:
                return Step.read((r, c) -> Replies.error(status, "Retry-After: "
                        + HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1))).respond(r, c));
            default:
                return Step.read(header == null ? Replies.error(status) : Replies.error(status, header));
        }
    }

    private static RawHttpServer.Responder processing(ProjectsApp app, RawHttpServer.Responder then) {
        return (request, c) -> {
            app.handle(request);
            then.respond(request, c);
        };
    }

    /** The app's real answer, delivered broken. */
    private RawHttpServer.Responder mangled(ProjectsApp app) {
        return (request, c) -> {
            ProjectsApp.Answer a = app.handle(request);
            byte[] body = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
            if (this == TRUNCATED_BODY) {
                Replies.truncated(a.status(), body, 64).respond(request, c);
            } else if (this == TRICKLED_BODY) {
                Replies.trickle(a.status(), body, 8, 40).respond(request, c);
            } else {
                Replies.verbatim(a.status(), body, Replies.JSON, "Content-Length: -5").respond(request, c);
            }
        };
    }
}
