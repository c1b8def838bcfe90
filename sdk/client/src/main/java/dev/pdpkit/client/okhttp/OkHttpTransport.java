package dev.pdpkit.client.okhttp;

import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.http.HttpRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.http.HttpTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The default {@link HttpTransport}, on OkHttp, and the place where an application's own {@link OkHttpClient} goes
 * in. The transport derives its client with {@link OkHttpClient#newBuilder()} (so the connection pool and dispatcher
 * are shared) and takes from OkHttp everything that would act behind the SDK's back: its retries, redirects,
 * authenticator and its follow-up of a {@code 503} with {@code Retry-After: 0}. It also refuses to send a POST or
 * PATCH on a pooled connection the server has already closed, so that such a request fails as never sent and is
 * retried safely.
 *
 * <pre>{@code
 * OkHttpClient shared = new OkHttpClient.Builder().proxy(proxy).build();
 * PrismaManagement client = PrismaManagement.builder()
 *     .serviceToken(token)
 *     .transport(OkHttpTransport.of(shared))
 *     .build();
 * }</pre>
 *
 * <p>Each attempt's time budget ({@link HttpRequest#timeout()}) bounds the whole exchange. A budget shorter than the
 * socket timeouts cuts them to it and is enforced exactly by OkHttp's call timeout. A longer one is enforced by one
 * shared watchdog thread, up to a tenth of a second late; within a budget longer than the client's read timeout, that
 * timeout ends a single stalled read on an HTTP/1 connection, enforced by the kernel ({@code SO_TIMEOUT}). On such
 * attempts a stalled write, a stalled TLS handshake or a stalled read on an HTTP/2 stream ends with the attempt's
 * budget rather than with the write or read timeout; by default the two are equal (30 seconds for a first attempt).
 *
 * <p>This package is the only part of the client's API that names OkHttp.
 */
public final class OkHttpTransport implements HttpTransport {
    /** Idle connections kept by a transport that creates its own pool: enough for 64 concurrent callers. */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 64;
    /** How long an idle pooled connection is kept. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(1);

    private static final long CUT_TOLERANCE_MILLIS = 1000;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final OkHttpClient base;
    /**
     * For attempts whose budget outlasts every socket timeout: the common case, with one interceptor fewer and OkHttp's
     * read and write timeouts off (see the constructor).
     */
    private final OkHttpClient client;
    /** For attempts with a shorter budget: the socket timeouts are cut to it. Shares the pool and dispatcher. */
    private final OkHttpClient cutting;
    private final BaseUrls urls = new BaseUrls();
    private final boolean owned;

    private OkHttpTransport(OkHttpClient base, boolean owned) {
        this.base = base;
        this.owned = owned;
        OkHttpClient guarded = base.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .authenticator(okhttp3.Authenticator.NONE)
                .addNetworkInterceptor(new GuardInterceptor(base.readTimeoutMillis()))
                .build();
        this.cutting = guarded.newBuilder().addInterceptor(OkHttpTransport::cutTimeouts).build();
        // Okio enforces OkHttp's read and write timeouts with a queue and a watchdog thread that every socket read and
        // write touches, and wakes; that cost a sixth of a call's CPU at low concurrency. The kernel enforces a read
        // timeout as well (SO_TIMEOUT, which GuardInterceptor sets on HTTP/1 sockets when the budget outlasts it),
        // and the attempt's budget, watched by Deadlines, bounds everything else.
        this.client = guarded.newBuilder().readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO).build();
    }

    /**
     * Shares an application's client: its pool, dispatcher, proxy, TLS settings, interceptors and timeouts. The SDK
     * never shuts it down.
     *
     * @param client the client to share
     * @return the transport
     */
    public static OkHttpTransport of(OkHttpClient client) {
        return new OkHttpTransport(Objects.requireNonNull(client, "client"), false);
    }

    /**
     * Takes over a client built for this transport alone: it is shut down by {@link #close()}.
     *
     * @param client a client nobody else uses
     * @return the transport
     */
    public static OkHttpTransport owning(OkHttpClient client) {
        return new OkHttpTransport(Objects.requireNonNull(client, "client"), true);
    }

    /**
     * Creates a transport with a client of its own ({@value #DEFAULT_MAX_IDLE_CONNECTIONS} idle connections kept for
     * a minute, 10 s connect, 30 s read and write timeouts), shut down by {@link #close()}.
     *
     * @return a new transport
     */
    public static OkHttpTransport create() {
        return create(DEFAULT_MAX_IDLE_CONNECTIONS, DEFAULT_KEEP_ALIVE);
    }

    /**
     * Creates a transport with a client of its own and the given pool size.
     *
     * @param maxIdleConnections idle connections to keep for reuse; size it to the number of concurrent callers
     * @param keepAlive how long an idle connection is kept
     * @return a new transport
     */
    public static OkHttpTransport create(int maxIdleConnections, Duration keepAlive) {
        return create(maxIdleConnections, keepAlive, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    /**
     * Creates a transport with a client of its own, the given pool size and socket timeouts.
     *
     * @param maxIdleConnections idle connections to keep for reuse, and asynchronous calls allowed per host
     * @param keepAlive how long an idle connection is kept
     * @param connect the connect timeout
     * @param read the read timeout
     * @param write the write timeout
     * @return a new transport, shut down by {@link #close()}
     */
    public static OkHttpTransport create(int maxIdleConnections, Duration keepAlive, Duration connect, Duration read,
                                         Duration write) {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(maxIdleConnections, keepAlive.toMillis(), TimeUnit.MILLISECONDS))
                .connectTimeout(connect)
                .readTimeout(read)
                .writeTimeout(write)
                .build();
        // OkHttp allows 5 asynchronous calls per host by default; the pool is sized for more callers, so is this.
        client.dispatcher().setMaxRequestsPerHost(Math.max(5, maxIdleConnections));
        client.dispatcher().setMaxRequests(Math.max(64, maxIdleConnections));
        return new OkHttpTransport(client, true);
    }

    /** @return the application's (or this transport's own) client, for example to send OAuth requests over the same pool */
    public OkHttpClient client() {
        return base;
    }

    /** @return whether this transport created its client and so shuts it down on {@link #close()} */
    public boolean owned() {
        return owned;
    }

    @Override
    public HttpResponse send(HttpRequest request) {
        boolean cut = cutsTimeouts(request);
        Call call = newCall(request, cut);
        Deadlines.Entry deadline = watch(call, request, cut, true);
        try (Response response = call.execute()) {
            return toResponse(response);
        } catch (IOException e) {
            throw Failures.network(request, deadline.explain(e));
        } catch (RuntimeException e) {
            throw Failures.unexpected(request, e);
        } finally {
            deadline.done();
        }
    }

    @Override
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        boolean cut = cutsTimeouts(request);
        Call call = newCall(request, cut);
        Deadlines.Entry deadline = watch(call, request, cut, false);
        CompletableFuture<HttpResponse> future = new CompletableFuture<>();
        future.whenComplete((r, t) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                deadline.done();
                future.completeExceptionally(Failures.network(request, deadline.explain(e)));
            }

            @Override
            public void onResponse(Call c, Response response) {
                HttpResponse result = null;
                RuntimeException failure = null;
                try (Response r = response) {
                    result = toResponse(r);
                } catch (IOException e) {
                    failure = Failures.network(request, deadline.explain(e));
                } catch (RuntimeException e) {
                    failure = Failures.unexpected(request, e);
                } finally {
                    deadline.done(); // before completing: the caller may look right away
                }
                if (failure != null) {
                    future.completeExceptionally(failure);
                } else {
                    future.complete(result);
                }
            }
        });
        return future;
    }

    /**
     * Tells whether an attempt's budget is shorter than a socket timeout. Such an attempt gets its socket timeouts cut
     * to the budget and OkHttp's precise call timeout; any other is watched by {@link Deadlines}. Socket timeouts
     * that outlast the budget by less than a second count as not shorter: a first attempt's half of the default
     * budget is always a hair under them.
     */
    private boolean cutsTimeouts(HttpRequest request) {
        long budget = request.timeout().toMillis() + CUT_TOLERANCE_MILLIS;
        return budget < cutting.connectTimeoutMillis() || budget < cutting.readTimeoutMillis()
                || budget < cutting.writeTimeoutMillis();
    }

    /**
     * @param blocking whether this thread executes the call (its own slot) or another thread ends it
     * @return the call's deadline entry: unwatched when OkHttp's call timeout already bounds it
     */
    private static Deadlines.Entry watch(Call call, HttpRequest request, boolean cut, boolean blocking) {
        if (cut) {
            return Deadlines.UNWATCHED;
        }
        long budget = request.timeout().toNanos();
        return blocking ? Deadlines.SHARED.watchHere(call, budget) : Deadlines.SHARED.watch(call, budget);
    }

    private Call newCall(HttpRequest request, boolean cut) {
        Request.Builder rb = new Request.Builder().url(urls.parse(request.url()));
        request.headers().forEach(rb::addHeader);
        String method = request.method();
        RequestBody body = request.body() != null ? RequestBody.create(request.body(), JSON)
                : ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) ? EMPTY : null;
        if (!cut) {
            // The guard puts the read timeout on the socket only where it could end a read before the budget does.
            int readTimeoutMillis = base.readTimeoutMillis();
            if (readTimeoutMillis > 0 && request.timeout().toMillis() > readTimeoutMillis) {
                rb.tag(GuardInterceptor.LongBudget.class, GuardInterceptor.LongBudget.TAG);
            }
            return client.newCall(rb.method(method, body).build());
        }
        Call call = cutting.newCall(rb.method(method, body).build());
        call.timeout().timeout(Math.max(1, request.timeout().toNanos()), TimeUnit.NANOSECONDS);
        return call;
    }

    private static HttpResponse toResponse(Response response) throws IOException {
        ResponseBody body = response.body();
        byte[] bytes = body == null ? null : body.bytes();
        return HttpResponse.of(response.code(), GuardInterceptor.restoreHeaders(response.headers()), bytes);
    }

    /**
     * Cuts the connect, read and write timeouts of one exchange to the attempt's budget (the call's timeout). The call
     * timeout alone is enforced by a single watchdog thread that can fall behind when many calls time out at once;
     * socket timeouts are enforced by the kernel, so a stalled read ends on time whatever else is happening.
     */
    private static Response cutTimeouts(okhttp3.Interceptor.Chain chain) throws IOException {
        long nanos = chain.call().timeout().timeoutNanos();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos)));
        if (nanos == 0 || (millis >= chain.connectTimeoutMillis() && millis >= chain.readTimeoutMillis()
                && millis >= chain.writeTimeoutMillis())) {
            return chain.proceed(chain.request()); // nothing to cut: the client's own timeouts are shorter
        }
        return chain.withConnectTimeout(Math.min(millis, chain.connectTimeoutMillis()), TimeUnit.MILLISECONDS)
                .withReadTimeout(Math.min(millis, chain.readTimeoutMillis()), TimeUnit.MILLISECONDS)
                .withWriteTimeout(Math.min(millis, chain.writeTimeoutMillis()), TimeUnit.MILLISECONDS)
                .proceed(chain.request());
    }

    @Override
    public void close() {
        if (owned) {
            base.dispatcher().executorService().shutdown();
            base.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "OkHttpTransport{owned=" + owned + "}";
    }
}
