package dev.pdpkit.transport.vertx.internal;

import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.http.HttpRequest;
import dev.pdpkit.client.http.HttpResponse;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One attempt on a Vert.x event loop: obtain a request bound to a pooled connection, send it, read the whole response,
 * all without blocking. The attempt's budget is one deadline for the whole exchange; cancelling the future, or the
 * deadline passing, resets the request (for HTTP/1.1 this closes its connection, so nothing more is read or written).
 *
 * <p>Runs on the event loop of the context it was started on; only {@link #abort()} may come from another thread.
 */
public final class Exchange {
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String JSON = "application/json; charset=utf-8";

    private static final AtomicIntegerFieldUpdater<Exchange> COUNTED_OUT =
            AtomicIntegerFieldUpdater.newUpdater(Exchange.class, "countedOut");

    private final EventLoops loops;
    private final int loop;
    /** 1 once the exchange no longer counts as in flight on its loop. */
    private volatile int countedOut;
    private final Deadlines deadlines;
    private final HttpRequest request;
    private final long deadlineNanos;
    private final CompletableFuture<HttpResponse> result = new Result();
    /** Set once a connection is obtained: from then on, bytes of the request may reach the server. */
    private volatile HttpClientRequest bound;
    /** The attempt's own timer, or -1 when the sweep watches it. */
    private volatile long timer = -1;

    private Exchange(EventLoops loops, int loop, HttpRequest request) {
        this.loops = loops;
        this.loop = loop;
        this.deadlines = loops.deadlines();
        this.request = request;
        this.deadlineNanos = Deadlines.deadline(budgetMillis());
    }

    /**
     * Starts an attempt on one of the event loops, without blocking the caller.
     *
     * @param loops where to run it, through which client, and who watches its budget
     * @param request the attempt
     * @return its response; cancelling the future resets the exchange
     */
    public static CompletableFuture<HttpResponse> start(EventLoops loops, HttpRequest request) {
        boolean onEventLoop = loops.onEventLoop();
        int loop = loops.pick(onEventLoop);
        Exchange exchange = new Exchange(loops, loop, request);
        loops.run(loop, onEventLoop, exchange::start);
        return exchange.result;
    }

    /** Cancelling the future cancels the exchange; however it ends, its loop counts one exchange fewer. */
    private final class Result extends CompletableFuture<HttpResponse> {
        // Each way of ending counts the exchange out of its loop first: completing runs the caller's next steps,
        // which may start the next call and must find this loop one exchange lighter.
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            countOut();
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                abort();
            }
            return cancelled;
        }

        @Override
        public boolean complete(HttpResponse value) {
            countOut();
            return super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            countOut();
            return super.completeExceptionally(failure);
        }
    }

    /** Counts the exchange out of its loop, once, whichever way it ends first. */
    private void countOut() {
        if (COUNTED_OUT.compareAndSet(this, 0, 1)) {
            loops.done(loop);
        }
    }

    private void start(HttpClient client) {
        if (result.isDone()) {
            return; // cancelled before the event loop got to it
        }
        RequestOptions options;
        try {
            options = Targets.of(request.method(), request.url());
        } catch (RuntimeException e) {
            result.completeExceptionally(Failures.beforeSending(request, e));
            return;
        }
        // One deadline for the whole attempt, waiting for a connection included. Not also the pool's own wait
        // timeout: in Vert.x 5.0 it races with a connection being made for the waiter and logs an error when it loses.
        timer = deadlines.watch(this, budgetMillis());
        client.request(options).onComplete(this::onBound);
    }

    private long budgetMillis() {
        return Math.max(1, request.timeout().toMillis());
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    private void onBound(AsyncResult<HttpClientRequest> ar) {
        if (ar.failed()) {
            fail(Failures.beforeSending(request, ar.cause()));
            return;
        }
        HttpClientRequest req = ar.result();
        // Failures reach the caller through the send and body futures. Without a handler, Vert.x would also log a
        // reset (a cancel or a timeout) at ERROR as an unhandled exception.
        req.exceptionHandler(ignored -> { });
        bound = req;
        if (result.isDone()) { // timed out or cancelled while waiting for the connection: nothing was written
            req.reset();
            return;
        }
        MultiMap headers = req.headers();
        request.headers().forEach(headers::add);
        if (request.body() != null && !headers.contains(CONTENT_TYPE)) {
            headers.add(CONTENT_TYPE, JSON);
        }
        send(req).onComplete(sent -> {
            if (sent.failed()) {
                fail(Failures.afterSending(request, sent.cause()));
                return;
            }
            HttpClientResponse response = sent.result();
            response.body().onComplete(body -> onBody(response, body));
        });
    }

    private Future<HttpClientResponse> send(HttpClientRequest req) {
        byte[] body = request.body();
        if (body != null) {
            return req.send(Buffer.buffer(body));
        }
        String m = request.method();
        // As OkHttp does: a POST, PUT or PATCH without a body still says Content-Length: 0.
        return "POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m) ? req.send(Buffer.buffer()) : req.send();
    }

    private static HttpResponse toResponse(HttpClientResponse response, Buffer body) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        response.headers().forEach(headers::add);
        return HttpResponse.of(response.statusCode(), headers.build(), body.length() == 0 ? null : body.getBytes());
    }

    private void onBody(HttpClientResponse response, AsyncResult<Buffer> body) {
        if (body.failed()) {
            fail(Failures.afterSending(request, body.cause()));
            return;
        }
        HttpResponse r;
        try {
            r = toResponse(response, body.result());
        } catch (RuntimeException e) {
            fail(Failures.afterSending(request, e));
            return;
        }
        stopWatching();
        result.complete(r);
    }

    private void fail(RuntimeException failure) {
        stopWatching();
        result.completeExceptionally(failure);
    }

    /** The budget ran out: called once, by the attempt's own timer or the sweep, on any event loop. */
    void onTimeout() {
        HttpClientRequest req = bound;
        if (result.completeExceptionally(Failures.timeout(request, req != null)) && req != null) {
            req.reset();
        }
    }

    /** Ends the exchange after its future was cancelled; safe from any thread. */
    private void abort() {
        HttpClientRequest req = bound;
        if (req != null) {
            req.reset(); // Vert.x runs it on the request's event loop
        }
        // else: the request is still waiting for a connection, and onBound resets it when one comes
        stopWatching();
    }

    private void stopWatching() {
        deadlines.done(this, timer);
    }
}
