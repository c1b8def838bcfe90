package dev.pdpkit.transport.vertx.internal;

import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.http.HttpRequest;
import dev.pdpkit.client.http.HttpResponse;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt on a Vert.x event loop: obtain a request bound to a pooled connection, send it, read the whole response,
 * all without blocking. The attempt's budget is one timer for the whole exchange; cancelling the future, or the timer
 * firing, resets the request (for HTTP/1.1 this closes its connection, so nothing more is read or written).
 *
 * <p>Runs on the event loop of the context it was started on; only {@link #abort()} may come from another thread.
 */
public final class Exchange {
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String JSON = "application/json; charset=utf-8";
    private static final Buffer EMPTY = Buffer.buffer(new byte[0]);

    private final Vertx vertx;
    private final HttpRequest request;
    private final CompletableFuture<HttpResponse> result = new Result();
    /** Set once a connection is obtained: from then on, bytes of the request may reach the server. */
    private volatile HttpClientRequest bound;
    private volatile long timer = -1;

    private Exchange(Vertx vertx, HttpRequest request) {
        this.vertx = vertx;
        this.request = request;
    }

    /**
     * Starts an attempt on one of the event loops, without blocking the caller.
     *
     * @param vertx the Vert.x instance the clients belong to (for the attempt's timer)
     * @param loops where to run it, and through which client
     * @param request the attempt
     * @return its response; cancelling the future resets the exchange
     */
    public static CompletableFuture<HttpResponse> start(Vertx vertx, EventLoops loops, HttpRequest request) {
        Exchange exchange = new Exchange(vertx, request);
        loops.run(exchange::start);
        return exchange.result;
    }

    /** Cancelling the future cancels the exchange. */
    private final class Result extends CompletableFuture<HttpResponse> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                abort();
            }
            return cancelled;
        }
    }

    private void start(HttpClient client) {
        if (result.isDone()) {
            return; // cancelled before the event loop got to it
        }
        RequestOptions options;
        try {
            options = options();
        } catch (RuntimeException e) {
            result.completeExceptionally(Failures.beforeSending(request, e));
            return;
        }
        // One timer for the whole attempt, waiting for a connection included. Not also the pool's own wait timeout:
        // in Vert.x 5.0 it races with a connection being made for the waiter and logs an error when it loses.
        timer = vertx.setTimer(Math.max(1, request.timeout().toMillis()), id -> onTimeout());
        client.request(options).onComplete(this::onBound);
    }

    private RequestOptions options() {
        RequestOptions options = Targets.of(request.method(), request.url());
        request.headers().forEach(options::addHeader);
        if (request.body() != null && request.headers().first(CONTENT_TYPE).isEmpty()) {
            options.addHeader(CONTENT_TYPE, JSON);
        }
        return options;
    }

    private void onBound(AsyncResult<HttpClientRequest> ar) {
        if (ar.failed()) {
            fail(Failures.beforeSending(request, ar.cause()));
            return;
        }
        HttpClientRequest req = ar.result();
        bound = req;
        if (result.isDone()) { // timed out or cancelled while waiting for the connection: nothing was written
            req.reset();
            return;
        }
        send(req).compose(response -> response.body().map(body -> toResponse(response, body)))
                .onComplete(this::onResponse);
    }

    private Future<HttpClientResponse> send(HttpClientRequest req) {
        byte[] body = request.body();
        if (body != null) {
            return req.send(Buffer.buffer(body));
        }
        String m = request.method();
        // As OkHttp does: a POST, PUT or PATCH without a body still says Content-Length: 0.
        return "POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m) ? req.send(EMPTY) : req.send();
    }

    private static HttpResponse toResponse(HttpClientResponse response, Buffer body) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        response.headers().forEach(headers::add);
        return HttpResponse.of(response.statusCode(), headers.build(), body.length() == 0 ? null : body.getBytes());
    }

    private void onResponse(AsyncResult<HttpResponse> ar) {
        if (ar.succeeded()) {
            cancelTimer();
            result.complete(ar.result());
        } else {
            fail(Failures.afterSending(request, ar.cause()));
        }
    }

    private void fail(RuntimeException failure) {
        cancelTimer();
        result.completeExceptionally(failure);
    }

    private void onTimeout() {
        timer = -1;
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
        cancelTimer();
    }

    private void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
