package dev.pdpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.core.RawResponse;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.internal.http.ResponseBody;
import dev.pdpkit.client.internal.http.Transport;
import dev.pdpkit.client.internal.json.Codecs;
import dev.pdpkit.client.internal.json.Json;
import dev.pdpkit.client.internal.json.JsonCodec;
import dev.pdpkit.client.internal.json.JsonStreams;
import dev.pdpkit.client.internal.pipeline.AsyncCalls;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the generated services call: runs an {@link ApiRequest} through the client's pipeline and turns the response
 * into a typed value, a page, or a {@link RawResponse}, blocking or not. One per client; thread-safe.
 */
public final class ClientContext {
    private final Transport transport;
    private final AsyncCalls async;

    /**
     * @param transport the blocking pipeline
     * @param async the non-blocking pipeline, or null when this context serves blocking calls only
     */
    public ClientContext(Transport transport, AsyncCalls async) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.async = async;
    }

    /**
     * @param transport the blocking pipeline
     */
    public ClientContext(Transport transport) {
        this(transport, null);
    }

    /**
     * Sends a request and reads the response body.
     *
     * @param request the request
     * @param options per-call options
     * @param body how the response body becomes the result
     * @param <T> the result type
     * @return the result
     */
    public <T> T execute(ApiRequest request, RequestOptions options, ResponseBody<T> body) {
        return decode(transport.send(request, options), body);
    }

    /**
     * Sends a request and returns status, headers and raw body, the body decoded on demand.
     *
     * @param request the request
     * @param options per-call options
     * @param body how the response body becomes the result
     * @param <T> the result type
     * @return status, headers and result
     */
    public <T> RawResponse<T> executeRaw(ApiRequest request, RequestOptions options, ResponseBody<T> body) {
        HttpResponse exchange = transport.send(request, options);
        return RawResponse.lazy(exchange.statusCode(), exchange.headers(), exchange.body(),
                () -> decode(exchange, body));
    }

    /**
     * Sends a list request and returns its first page; the page fetches later pages with the same request, only the
     * {@code cursor} query parameter changed.
     *
     * @param request the list request
     * @param options per-call options, reused for every page
     * @param itemCodec codec of one item of {@code data}
     * @param <T> the item type
     * @return the page
     */
    public <T> Page<T> executePage(ApiRequest request, RequestOptions options, JsonCodec<T> itemCodec) {
        return decode(transport.send(request, options), pageReader(request, options, itemCodec));
    }

    /**
     * Like {@link #executePage} with the status, headers and raw body of the first page.
     *
     * @param request the list request
     * @param options per-call options
     * @param itemCodec codec of one item
     * @param <T> the item type
     * @return the first page with its status and headers
     */
    public <T> RawResponse<Page<T>> executePageRaw(ApiRequest request, RequestOptions options,
                                                    JsonCodec<T> itemCodec) {
        return executeRaw(request, options, pageReader(request, options, itemCodec));
    }

    /**
     * The non-blocking form of {@link #execute}.
     *
     * @param request the request
     * @param options per-call options
     * @param body how the response body becomes the result
     * @param <T> the result type
     * @return the future result, completed exceptionally with a {@link PrismaException} only
     */
    public <T> CompletableFuture<T> executeAsync(ApiRequest request, RequestOptions options, ResponseBody<T> body) {
        return sendAsync(request, options, exchange -> decode(exchange, body));
    }

    /**
     * The non-blocking form of {@link #executeRaw}.
     *
     * @param request the request
     * @param options per-call options
     * @param body how the response body becomes the result, on demand
     * @param <T> the result type
     * @return the future status, headers and result, completed exceptionally with a {@link PrismaException} only
     */
    public <T> CompletableFuture<RawResponse<T>> executeRawAsync(ApiRequest request, RequestOptions options,
                                                                 ResponseBody<T> body) {
        return sendAsync(request, options, exchange -> RawResponse.lazy(exchange.statusCode(), exchange.headers(),
                exchange.body(), () -> decode(exchange, body)));
    }

    /**
     * The non-blocking form of {@link #executePageRaw}.
     *
     * @param request the list request
     * @param options per-call options
     * @param itemCodec codec of one item
     * @param <T> the item type
     * @return the future first page with its status and headers
     */
    public <T> CompletableFuture<RawResponse<Page<T>>> executePageRawAsync(ApiRequest request, RequestOptions options,
                                                                           JsonCodec<T> itemCodec) {
        return executeRawAsync(request, options, pageReader(request, options, itemCodec));
    }

    private <R> CompletableFuture<R> sendAsync(ApiRequest request, RequestOptions options,
                                               Function<HttpResponse, R> then) {
        CompletableFuture<HttpResponse> sent = asyncCalls().send(request, options);
        CompletableFuture<R> result = sent.thenApply(then);
        // A derived future does not pass cancellation upstream; the caller's cancel must stop the retries.
        result.whenComplete((r, t) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    /**
     * The non-blocking form of {@link #executePage}. Later pages are fetched by the page's blocking methods, or
     * without blocking through {@link Page#nextPageAsync()}.
     *
     * @param request the list request
     * @param options per-call options
     * @param itemCodec codec of one item
     * @param <T> the item type
     * @return the future first page
     */
    public <T> CompletableFuture<Page<T>> executePageAsync(ApiRequest request, RequestOptions options,
                                                           JsonCodec<T> itemCodec) {
        return executeAsync(request, options, pageReader(request, options, itemCodec));
    }

    private AsyncCalls asyncCalls() {
        if (async == null) {
            throw new IllegalStateException("this client context serves blocking calls only");
        }
        return async;
    }

    private <T> ResponseBody<Page<T>> pageReader(ApiRequest request, RequestOptions options, JsonCodec<T> codec) {
        Function<String, Page<T>> fetcher = cursor -> executePage(request.withQuery("cursor", cursor), options, codec);
        Function<String, CompletableFuture<Page<T>>> asyncFetcher = async == null ? null
                : cursor -> executePageAsync(request.withQuery("cursor", cursor), options, codec);
        return new ResponseBody<>() {
            @Override
            public Page<T> read(JsonNode root, int status) {
                return Pages.read(root, status, codec, fetcher, asyncFetcher);
            }

            @Override
            public Page<T> readStreaming(byte[] body) {
                return Pages.streamed(JsonStreams.readPage(body, Codecs.listOf(codec)), fetcher, asyncFetcher);
            }
        };
    }

    private static <T> T decode(HttpResponse exchange, ResponseBody<T> body) {
        if (!body.expectsBody()) {
            return body.read(null, exchange.statusCode());
        }
        byte[] raw = exchange.body();
        if (raw != null) {
            T fast = body.readStreaming(raw);
            if (fast != null) {
                return fast;
            }
        }
        JsonNode root = Json.parse(raw, exchange.statusCode());
        try {
            return body.read(root, exchange.statusCode());
        } catch (PrismaDecodeException e) {
            if (e.rawBody().isPresent() || e instanceof dev.pdpkit.client.errors.PrismaPaginationException) {
                throw e;
            }
            throw new PrismaDecodeException(exchange.statusCode(), e.getMessage(), e.getCause(), raw);
        } catch (RuntimeException e) {
            // A decoder bug must not escape untyped; the raw body still reaches the caller.
            throw new PrismaDecodeException(exchange.statusCode(), "response body could not be decoded ("
                    + e.getClass().getSimpleName() + ")", e, raw);
        }
    }
}
