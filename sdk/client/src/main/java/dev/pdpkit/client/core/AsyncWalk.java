package dev.pdpkit.client.core;

import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaPaginationException;
import dev.pdpkit.client.internal.Futures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One walk of {@link AutoPager#forEachAsync}. A page that has already arrived is handled in a loop rather than by a
 * nested callback, so a long list cannot grow the stack.
 */
final class AsyncWalk<T> {
    private final Consumer<? super T> action;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Set<String> followed = new HashSet<>();
    private final List<T> seen = new ArrayList<>();
    private int pages;

    AsyncWalk(Consumer<? super T> action) {
        this.action = action;
    }

    CompletableFuture<Void> start(Page<T> first) {
        from(first);
        return done;
    }

    private void from(Page<T> arrived) {
        Page<T> page = arrived;
        while (page != null) {
            CompletableFuture<Page<T>> next;
            try {
                pages++;
                page.data().forEach(action);
                seen.addAll(page.data());
                if (!page.hasNextPage()) {
                    done.complete(null);
                    return;
                }
                if (!followed.add(page.nextCursor().orElseThrow())) {
                    throw new PrismaPaginationException(0, "broken pagination: cursor repeated", seen, pages);
                }
                if (done.isDone()) {
                    return; // cancelled
                }
                next = page.nextPageAsync();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            if (!next.isDone()) {
                next.whenComplete((p, failure) -> {
                    if (failure != null) {
                        fail(failure);
                    } else {
                        from(p);
                    }
                });
                return;
            }
            try {
                page = next.join();
            } catch (CompletionException e) {
                fail(e);
                return;
            }
        }
    }

    private void fail(Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof PrismaDecodeException) { // a PrismaPaginationException too
            done.completeExceptionally(AutoPager.laterPageFailed((PrismaDecodeException) cause, seen, pages));
        } else {
            done.completeExceptionally(cause);
        }
    }
}
