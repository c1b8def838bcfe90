package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.internal.json.Json;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG on {@code dev.pdpkit.client.http}: method, path template, status, duration, attempt and
 * the server's request id. Headers are never logged, so {@code Authorization} and cookies cannot leak; path parameter
 * values and query values are left out (the template is logged) because a query could carry a secret. Bodies are
 * logged only when enabled on the client, only at DEBUG, and with every secret member masked.
 */
public final class LoggingStage implements Stage {
    static final Logger LOG = LoggerFactory.getLogger("dev.pdpkit.client.http");

    private final Stage next;
    private final boolean logBodies;

    public LoggingStage(Stage next, boolean logBodies) {
        this.next = next;
        this.logBodies = logBodies;
    }

    @Override
    public HttpResponse send(Attempt attempt) {
        if (!LOG.isDebugEnabled()) {
            return next.send(attempt);
        }
        ApiRequest req = attempt.request();
        if (logBodies && req.body() != null) {
            LOG.debug("--> {} {} attempt={} body={}", req.method(), req.pathTemplate(), attempt.number(),
                    Json.write(Redactor.mask(req.body())));
        }
        long start = System.nanoTime();
        try {
            HttpResponse ex = next.send(attempt);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.debug("<-- {} {} {} {}ms attempt={} op={} requestId={}", ex.statusCode(), req.method(),
                    req.pathTemplate(), ms, attempt.number(), req.operationId(),
                    ex.headers().requestId().orElse("-"));
            if (logBodies && ex.body().length > 0) {
                LOG.debug("<-- body={}", Redactor.maskBody(ex.body()));
            }
            return ex;
        } catch (PrismaApiException e) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.debug("<-- {} {} {} {}ms attempt={} op={} requestId={} error={}", e.statusCode(), req.method(),
                    req.pathTemplate(), ms, attempt.number(), req.operationId(), e.requestId().orElse("-"),
                    e.errorCode().orElse("-"));
            throw e;
        } catch (PrismaException e) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.debug("<-- failed {} {} {}ms attempt={} op={}: {}", req.method(), req.pathTemplate(), ms,
                    attempt.number(), req.operationId(), e.getClass().getSimpleName());
            throw e;
        }
    }
}
