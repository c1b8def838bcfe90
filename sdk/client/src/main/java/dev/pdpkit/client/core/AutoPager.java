package dev.pdpkit.client.core;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazily walks every item of a cursor-paginated list, starting from a first page.
 *
 * <p>It stops when the server says {@code hasMore=false}, when a page is empty, when the next cursor is missing, or when
 * a cursor comes back that was already followed, so a misbehaving server cannot make it loop forever. Each
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

    private static final class PagingIterator<T> implements Iterator<T> {
        private final Set<String> followed = new HashSet<>();
        private Page<T> page;
        private Iterator<T> items;

        PagingIterator(Page<T> first) {
            this.page = first;
            this.items = first.items().iterator();
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
                    return false;
                }
                page = page.nextPage();
                items = page.items().iterator();
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
