package dev.pdpkit.client.core;

import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaPaginationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazily walks every item of a cursor-paginated list, starting from a first page.
 *
 * <p>It ends when the server says {@code hasMore=false}. It never ends early without saying so: a page whose
 * pagination breaks the contract, or a cursor that comes back after it was followed (which would loop forever), ends
 * the walk with {@link PrismaPaginationException}, whose {@code itemsSoFar()} holds every item fetched. Each
 * {@link #iterator()} and {@link #stream()} starts again from the first page (without fetching it again).
 *
 * <pre>{@code
 * List<String> names = client.projects().list().autoPager().stream()
 *     .map(Project::name)
 *     .collect(Collectors.toList());
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
    private final Page<T> first;

    AutoPager(Page<T> first) {
        this.first = first;
    }

    /** @return an iterator that fetches further pages as it goes */
    @Override
    public Iterator<T> iterator() {
        return new PagingIterator<>(first);
    }

    /** @return a sequential stream over all items; pages are fetched as the stream is consumed */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * Walks every item without blocking: pages after the first are fetched with {@link Page#nextPageAsync()}, each
     * once the previous page's items have been given to {@code action}. The walk ends as {@link #iterator()} does,
     * with the same {@link PrismaPaginationException} on broken pagination. Cancelling the future stops the walk
     * before the next page.
     *
     * <pre>{@code
     * client.async().projects().list()
     *     .thenCompose(page -> page.autoPager().forEachAsync(p -> System.out.println(p.name())));
     * }</pre>
     *
     * @param action receives each item, in order, on the thread that completed its page
     * @return completes when the last page has been handled; exceptionally with the request's or the pagination's
     *     exception, or with what {@code action} threw
     * @throws UnsupportedOperationException if further pages exist and the first page cannot fetch them without
     *     blocking (a page made with {@link Page#of} and no asynchronous fetcher)
     */
    public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        if (first.hasNextPage() && !first.fetchesAsync()) {
            throw new UnsupportedOperationException("this page has no asynchronous fetcher; use iterator() or stream()");
        }
        return new AsyncWalk<T>(action).start(first);
    }

    /** A later page failed to arrive or to read: the failure, with every item fetched before it. */
    static PrismaPaginationException laterPageFailed(PrismaDecodeException e, List<?> seen, int pagesBefore) {
        if (e instanceof PrismaPaginationException) {
            List<Object> all = new ArrayList<>(seen);
            all.addAll(((PrismaPaginationException) e).itemsSoFar());
            return new PrismaPaginationException(e.statusCode(), e.getMessage(), all,
                    pagesBefore + 1);
        }
        return new PrismaPaginationException(e.statusCode(),
                "a later page could not be read: " + e.getMessage(), seen, pagesBefore + 1);
    }

    private static final class PagingIterator<T> implements Iterator<T> {
        private final Set<String> followed = new HashSet<>();
        private final List<T> seen = new ArrayList<>();
        private Page<T> page;
        private Iterator<T> items;
        private int pages = 1;

        PagingIterator(Page<T> first) {
            this.page = first;
            this.items = first.data().iterator();
            seen.addAll(first.data());
        }

        @Override
        public boolean hasNext() {
            while (!items.hasNext()) {
                if (page == null || !page.hasNextPage()) {
                    page = null;
                    return false;
                }
                String cursor = page.nextCursor().orElseThrow();
                if (!followed.add(cursor)) {
                    page = null;
                    throw new PrismaPaginationException(0, "broken pagination: cursor repeated", seen, pages);
                }
                try {
                    page = page.nextPage();
                } catch (PrismaDecodeException e) { // a PrismaPaginationException too
                    page = null;
                    throw laterPageFailed(e, seen, pages);
                }
                pages++;
                seen.addAll(page.data());
                items = page.data().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }
    }
}
