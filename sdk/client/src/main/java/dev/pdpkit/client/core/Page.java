package dev.pdpkit.client.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a cursor-paginated list, and the way to the next.
 *
 * <p>Iterating a {@code Page} visits the items of this page only. {@link #autoPager()} visits every item of this page
 * and of all the pages after it, fetching each page when it is needed.
 *
 * <pre>{@code
 * Page<Project> page = client.projects().list();
 * for (Project p : page.autoPager()) {
 *     System.out.println(p.name());
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Page<T> implements Iterable<T> {
    private final List<T> items;
    private final boolean hasMore;
    private final String nextCursor;
    private final Function<String, Page<T>> fetcher;

    private Page(List<T> items, boolean hasMore, String nextCursor, Function<String, Page<T>> fetcher) {
        this.items = List.copyOf(items);
        this.hasMore = hasMore;
        this.nextCursor = nextCursor;
        this.fetcher = fetcher;
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
        return new Page<>(items, hasMore, nextCursor, Objects.requireNonNull(fetcher, "fetcher"));
    }

    /** @return the items of this page, unmodifiable */
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

    /**
     * Tells whether {@link #nextPage()} can fetch a further page: the server said there are more, gave a cursor, and
     * this page was not empty (an empty page with {@code hasMore=true} would otherwise be fetched forever).
     *
     * @return true if there is a next page to fetch
     */
    public boolean hasNextPage() {
        return hasMore && nextCursor != null && !nextCursor.isEmpty() && !items.isEmpty();
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

    /** @return an auto-pager over the items of this page and of every page after it */
    public AutoPager<T> autoPager() {
        return new AutoPager<>(this);
    }

    /** Iterates over the items of this page only; see {@link #autoPager()} for all pages. */
    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }

    @Override
    public String toString() {
        return "Page{items=" + items.size() + ", hasMore=" + hasMore + ", nextCursor="
                + (nextCursor == null ? "null" : "present") + "}";
    }
}
