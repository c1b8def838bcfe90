package dev.pdpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaPaginationException;
import dev.pdpkit.client.internal.http.ResponseBody;
import dev.pdpkit.client.internal.json.JsonCodec;
import dev.pdpkit.client.internal.json.JsonStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads one page of a list answer. Items are read tolerantly like any model; the pagination data is read strictly,
 * because a wrong guess there loses items without a trace: {@code pagination} must be an object, {@code hasMore} a
 * boolean, and a page that says there is more must carry a non-empty string cursor and at least one item.
 */
final class Pages {
    private Pages() {
    }

    static <T> Page<T> read(JsonNode root, int status, JsonCodec<T> codec, Function<String, Page<T>> fetcher,
                            Function<String, CompletableFuture<Page<T>>> asyncFetcher) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new PrismaDecodeException(status, "expected an array at $.data of a list answer", null);
        }
        List<T> items = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            items.add(ResponseBody.decode(codec, data.get(i), "$.data[" + i + "]", status));
        }
        JsonNode pagination = root.get("pagination");
        if (pagination == null || !pagination.isObject()) {
            throw broken(status, "$.pagination is " + (pagination == null ? "missing" : "not an object"), items);
        }
        JsonNode hasMore = pagination.get("hasMore");
        if (hasMore == null || !hasMore.isBoolean()) {
            throw broken(status, "$.pagination.hasMore is " + (hasMore == null ? "missing" : "not a boolean"), items);
        }
        if (!hasMore.booleanValue()) {
            return Page.of(items, false, null, fetcher, asyncFetcher);
        }
        JsonNode next = pagination.get("nextCursor");
        if (next == null || !next.isTextual() || next.textValue().isEmpty()) {
            throw broken(status, "$.pagination says hasMore but nextCursor is "
                    + (next == null || next.isNull() ? "missing" : next.isTextual() ? "empty" : "not a string"), items);
        }
        if (items.isEmpty()) {
            throw broken(status, "an empty page says hasMore", items);
        }
        return Page.of(items, true, next.textValue(), fetcher, asyncFetcher);
    }

    /**
     * Makes a page of a list answer read without a tree, when the page is usable; any page the tree path would refuse
     * is left to it, so that its refusal and message stay in one place.
     *
     * @param parts what the streaming reader read, or null
     * @param fetcher fetches a later page
     * @param asyncFetcher the same without blocking, or null
     * @param <T> the item type
     * @return the page, or null to read the body as a tree
     */
    static <T> Page<T> streamed(JsonStreams.PageParts<T> parts, Function<String, Page<T>> fetcher,
                                Function<String, CompletableFuture<Page<T>>> asyncFetcher) {
        if (parts == null) {
            return null;
        }
        if (!parts.hasMore()) {
            return Page.of(parts.items(), false, null, fetcher, asyncFetcher);
        }
        String next = parts.nextCursor();
        return next == null || next.isEmpty() || parts.items().isEmpty() ? null
                : Page.of(parts.items(), true, next, fetcher, asyncFetcher);
    }

    private static PrismaPaginationException broken(int status, String what, List<?> items) {
        return new PrismaPaginationException(status, "broken pagination: " + what, items, 1);
    }
}
