package dev.pdpkit.client.core;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One page of a cursor-paginated list, and the way to the next. A page is not the whole list: {@link #data()} holds
 * this page's items, and {@link #autoPager()} walks every item of this page and of all the pages after it.
 *
 * <pre>{@code
 * Page<Project> page = client.projects().list();
 * for (Project p : page.autoPager()) {       // every project, page after page
 *     System.out.println(p.name());
 * }
 * List<Project> firstPageOnly = page.data();
 * }</pre>
 *
 * <p>The client reads pagination data strictly: a page whose {@code pagination} would make the list end early (a
 * missing cursor while {@code hasMore} is true, say) fails with
 * {@link dev.pdpkit.client.errors.PrismaPaginationException} instead.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final boolean hasMore;
    private final String nextCursor;
    private final Function<String, Page<T>> fetcher;
    private final Function<String, CompletableFuture<Page<T>>> asyncFetcher;

    private Page(List<T> items, boolean hasMore, String nextCursor, Function<String, Page<T>> fetcher,
                 Function<String, CompletableFuture<Page<T>>> asyncFetcher) {
        this.items = List.copyOf(items);
        this.hasMore = hasMore;
        this.nextCursor = nextCursor;
        this.fetcher = fetcher;
        this.asyncFetcher = asyncFetcher;
    }

    /**
     * Creates a page.
     *
     * @param items the items of this page
     * @param hasMore what the server said about further pages
     * @param nextCursor the cursor of the next page, or null
     * @param fetcher fetches the page for a cursor, keeping the original filters and limit
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, boolean hasMore, String nextCursor, Function<String, Page<T>> fetcher) {
        return of(items, hasMore, nextCursor, fetcher, null);
    }

    /**
     * Creates a page that can also fetch the next one without blocking.
     *
     * @param items the items of this page
     * @param hasMore what the server said about further pages
     * @param nextCursor the cursor of the next page, or null
     * @param fetcher fetches the page for a cursor, keeping the original filters and limit
     * @param asyncFetcher the same without blocking, or null
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, boolean hasMore, String nextCursor, Function<String, Page<T>> fetcher,
                                 Function<String, CompletableFuture<Page<T>>> asyncFetcher) {
        return new Page<>(items, hasMore, nextCursor, Objects.requireNonNull(fetcher, "fetcher"), asyncFetcher);
    }

    /** @return the items of this page only, unmodifiable */
    public List<T> data() {
        return items;
    }

    /**
     * The items of this page only.
     *
     * @return the same as {@link #data()}
     * @deprecated use {@link #data()}; the name said too little about being one page
     */
    @Deprecated
    public List<T> items() {
        return items;
    }

    /** @return the server's {@code pagination.hasMore} */
    public boolean hasMore() {
        return hasMore;
    }

    /** @return the server's {@code pagination.nextCursor}, if any */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    /** @return true if the server said there is a next page (it then also gave a cursor) */
    public boolean hasNextPage() {
        return hasMore && nextCursor != null;
    }

    /**
     * Fetches the next page with the same filters and limit.
     *
     * @return the next page
     * @throws NoSuchElementException if {@link #hasNextPage()} is false
     * @throws dev.pdpkit.client.errors.PrismaException if the request fails
     */
    public Page<T> nextPage() {
        if (!hasNextPage()) {
            throw new NoSuchElementException("no next page");
        }
        return fetcher.apply(nextCursor);
    }

    /**
     * Fetches the next page without blocking.
     *
     * @return the future next page
     * @throws NoSuchElementException if {@link #hasNextPage()} is false
     * @throws UnsupportedOperationException for a page a blocking client returned
     */
    public CompletableFuture<Page<T>> nextPageAsync() {
        if (!hasNextPage()) {
            throw new NoSuchElementException("no next page");
        }
        if (asyncFetcher == null) {
            throw new UnsupportedOperationException("this page came from a blocking call; use nextPage()");
        }
        return asyncFetcher.apply(nextCursor);
    }

    /** @return whether {@link #nextPageAsync()} can fetch the next page (the page came from an asynchronous call) */
    boolean fetchesAsync() {
        return asyncFetcher != null;
    }

    /** @return an auto-pager over the items of this page and of every page after it */
    public AutoPager<T> autoPager() {
        return new AutoPager<>(this);
    }

    @Override
    public String toString() {
        return "Page{items=" + items.size() + ", hasMore=" + hasMore + ", nextCursor="
                + (nextCursor == null ? "null" : "present") + "}";
    }
}
