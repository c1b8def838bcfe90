package dev.pdpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.core.RawResponse;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.internal.http.HttpExchange;
import dev.pdpkit.client.internal.http.ResponseBody;
import dev.pdpkit.client.internal.http.Transport;
import dev.pdpkit.client.internal.json.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the generated services call: runs an {@link ApiRequest} through the client's pipeline and turns the response
 * into a typed value, a page, or a {@link RawResponse}. One per client; thread-safe.
 */
public final class ClientContext {
    private final Transport transport;

    /**
     * @param transport the request pipeline
     */
    public ClientContext(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** @return the pipeline this context sends requests through */
    public Transport transport() {
        return transport;
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
        return executeRaw(request, options, body).body();
    }

    /**
     * Sends a request and returns the result with the status and headers.
     *
     * @param request the request
     * @param options per-call options
     * @param body how the response body becomes the result
     * @param <T> the result type
     * @return status, headers and result
     */
    public <T> RawResponse<T> executeRaw(ApiRequest request, RequestOptions options, ResponseBody<T> body) {
        HttpExchange exchange = transport.send(request, options);
        JsonNode root = null;
        if (body.expectsBody()) {
            if (exchange.body() == null || exchange.body().isBlank()) {
                throw new PrismaDecodeException(exchange.statusCode(), "response has no body", null);
            }
            root = dev.pdpkit.client.internal.json.Json.parse(exchange.body(), exchange.statusCode());
        }
        return new RawResponse<>(exchange.statusCode(), exchange.headers(), body.read(root, exchange.statusCode()));
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
        return executePageRaw(request, options, itemCodec).body();
    }

    /**
     * Like {@link #executePage} with the status and headers of the first page.
     *
     * @param request the list request
     * @param options per-call options
     * @param itemCodec codec of one item
     * @param <T> the item type
     * @return the first page with its status and headers
     */
    public <T> RawResponse<Page<T>> executePageRaw(ApiRequest request, RequestOptions options,
                                                    JsonCodec<T> itemCodec) {
        return executeRaw(request, options, (root, status) -> readPage(root, status, request, options, itemCodec));
    }

    private <T> Page<T> readPage(JsonNode root, int status, ApiRequest request, RequestOptions options,
                                 JsonCodec<T> itemCodec) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new PrismaDecodeException(status, "expected an array at $.data", null);
        }
        List<T> items = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            items.add(ResponseBody.decode(itemCodec, data.get(i), "$.data[" + i + "]", status));
        }
        JsonNode pagination = root.path("pagination");
        boolean hasMore = pagination.path("hasMore").asBoolean(false);
        JsonNode next = pagination.path("nextCursor");
        String cursor = next.isTextual() ? next.asText() : null;
        return Page.of(items, hasMore, cursor,
                c -> executePage(request.withQuery("cursor", c), options, itemCodec));
    }
}
