package dev.pdpkit.client.internal;

import dev.pdpkit.client.errors.ConflictException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the generated {@code getOrCreate} methods share, blocking and not: the search of the list for the one resource
 * with the logicalId, and the non-blocking sequence of create, then lookup on 409. Internal: not part of the public
 * API.
 */
public final class GetOrCreateSupport {
    private GetOrCreateSupport() {
    }

    /**
     * Collects the one list item whose logicalId is the one sent, item by item.
     *
     * @param <T> the list's model
     */
    public static final class Match<T> implements Consumer<T> {
        private final String logicalId;
        private final ConflictException conflict;
        private final Function<T, String> id;
        private final Function<T, String> logicalIdOf;
        private T match;

        /**
         * @param logicalId the logicalId sent with the create
         * @param conflict the create's 409, thrown when no single resource answers to the logicalId
         * @param id the id of an item
         * @param logicalIdOf the logicalId of an item, or null
         */
        public Match(String logicalId, ConflictException conflict, Function<T, String> id,
                     Function<T, String> logicalIdOf) {
            this.logicalId = logicalId;
            this.conflict = conflict;
            this.id = id;
            this.logicalIdOf = logicalIdOf;
        }

        /**
         * @param item the next list item
         * @throws ConflictException when a second resource answers to the logicalId (on another branch, say): the
         *     caller must narrow it
         */
        @Override
        public void accept(T item) {
            if (logicalId.equals(logicalIdOf.apply(item))) {
                if (match != null && !id.apply(match).equals(id.apply(item))) {
                    throw conflict;
                }
                match = item;
            }
        }

        /**
         * @return the one item with the logicalId
         * @throws ConflictException when there was none: the 409 was about something else, or the resource went away
         *     in between
         */
        public T result() {
            if (match == null) {
                throw conflict;
            }
            return match;
        }
    }

    /**
     * Creates, and on a 409 looks the resource up, without blocking. Cancelling the result cancels the create, or the
     * lookup once it has started (a lookup walking pages stops before its next page).
     *
     * @param create the create, already started
     * @param created the result of a successful create
     * @param find starts the lookup after the create's 409
     * @param found the result of a successful lookup
     * @param <C> the create's model
     * @param <R> the list's model
     * @param <G> the result
     * @return the future result, completed exceptionally with the create's or the lookup's exception only
     */
    public static <C, R, G> CompletableFuture<G> async(CompletableFuture<C> create, Function<C, G> created,
                                                      Function<ConflictException, CompletableFuture<R>> find,
                                                      Function<R, G> found) {
        CompletableFuture<G> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> current = new AtomicReference<>(create);
        create.whenComplete((value, failure) -> {
            Throwable cause = failure == null ? null : Futures.unwrap(failure);
            if (cause == null) {
                complete(result, created, value);
            } else if (!(cause instanceof ConflictException) || result.isDone()) {
                result.completeExceptionally(cause);
            } else {
                CompletableFuture<R> lookup;
                try {
                    lookup = find.apply((ConflictException) cause);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                    return;
                }
                current.set(lookup);
                if (result.isCancelled()) {
                    lookup.cancel(true);
                }
                lookup.whenComplete((item, lookupFailure) -> {
                    if (lookupFailure != null) {
                        result.completeExceptionally(Futures.unwrap(lookupFailure));
                    } else {
                        complete(result, found, item);
                    }
                });
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                current.get().cancel(true);
            }
        });
        return result;
    }

    private static <V, G> void complete(CompletableFuture<G> result, Function<V, G> how, V value) {
        try {
            result.complete(how.apply(value));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }
}
