package dev.pdpkit.testing.oauth;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.pdpkit.oauth.InMemoryTokenStore;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.TokenStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** The conformance suite is only worth something if it fails for stores that would break refresh. */
class SuiteCatchesBrokenStoresTest {

    @Test
    void aStoreWithoutARealRefreshLockFails() {
        assertTrue(failuresOf(NoLock.class).contains("refreshLockIsMutuallyExclusive"));
    }

    @Test
    void aStoreWhoseClearIfCurrentIgnoresTheValueFails() {
        Set<String> failed = failuresOf(BlindClear.class);
        assertTrue(failed.contains("clearIfCurrentKeepsADifferentPair"), failed.toString());
        assertTrue(failed.contains("aCompareAndClearRaceKeepsTheNewerPair"), failed.toString());
    }

    @Test
    void aStoreThatCachesInsteadOfReloadingFails() {
        assertTrue(failuresOf(Caching.class).contains("aSecondHandleSeesEveryChangeAtOnce"));
    }

    @Test
    void aStoreWhoseTimedLockWaitsWithoutLimitFails() {
        assertTrue(failuresOf(UntimedLock.class).contains("aTimedRefreshLockGivesUpWhileAnotherThreadHoldsIt"));
    }

    @Test
    void handlesWhoseLocksDoNotExcludeEachOtherFailTheCrossInstanceRefresh() {
        Set<String> failed = failuresOf(PerHandleLock.class);
        assertTrue(failed.contains("twoHandlesRefreshingConcurrentlyNeverBothRefresh"), failed.toString());
    }

    @Test
    void keysSharingOneSlotFailTheMultiKeyCase() {
        Set<String> failed = failuresOf(SharedSlot.class);
        assertTrue(failed.contains("keysAreIndependent"), failed.toString());
    }

    private static Set<String> failuresOf(Class<?> suite) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary().getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName().replace("()", ""))
                .collect(Collectors.toSet());
    }

    /** Delegates everything to an in-memory store except what a subclass breaks. */
    abstract static class Delegating implements TokenStore {
        final InMemoryTokenStore delegate;

        Delegating(InMemoryTokenStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<OAuthTokens> load() {
            return delegate.load();
        }

        @Override
        public void save(OAuthTokens tokens) {
            delegate.save(tokens);
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public boolean clearIfCurrent(OAuthTokens expected) {
            return delegate.clearIfCurrent(expected);
        }

        @Override
        public <T> T withRefreshLock(Supplier<T> action) {
            return delegate.withRefreshLock(action);
        }

        @Override
        public <T> T withRefreshLock(Duration timeout, Supplier<T> action) {
            return delegate.withRefreshLock(timeout, action);
        }
    }

    static class NoLock extends TokenStoreConformanceTest {
        @Override
        protected TokenStore createStore() {
            return new Delegating(new InMemoryTokenStore()) {
                @Override
                public <T> T withRefreshLock(Supplier<T> action) {
                    return action.get();
                }
            };
        }
    }

    /** Locks for real but inherits the default timed form, which waits without limit. */
    static class UntimedLock extends TokenStoreConformanceTest {
        @Override
        protected TokenStore createStore() {
            return new Delegating(new InMemoryTokenStore()) {
                @Override
                public <T> T withRefreshLock(Duration timeout, Supplier<T> action) {
                    return withRefreshLock(action); // what TokenStore's default does
                }
            };
        }
    }

    static class BlindClear extends TokenStoreConformanceTest {
        @Override
        protected TokenStore createStore() {
            return new Delegating(new InMemoryTokenStore()) {
                @Override
                public boolean clearIfCurrent(OAuthTokens expected) {
                    delegate.clear();
                    return true;
                }
            };
        }
    }

    /** Several handles on one shared in-memory storage; subclasses say what each handle does wrong. */
    abstract static class SharedViews extends TokenStoreConformanceTest {
        final InMemoryTokenStore shared = new InMemoryTokenStore();

        @Override
        protected TokenStore createStore() {
            return view();
        }

        @Override
        protected Optional<TokenStore> openSameStorage(TokenStore store) {
            return Optional.of(view());
        }

        abstract TokenStore view();
    }

    /** Two handles share the tokens, but each has a lock of its own: two machines would refresh at once. */
    static class PerHandleLock extends SharedViews {
        @Override
        TokenStore view() {
            return withOwnLock(shared);
        }
    }

    /** Claims to hold one pair per key, but every key reads and writes the same pair. */
    static class SharedSlot extends TokenStoreConformanceTest {
        @Override
        protected TokenStore createStore() {
            return new InMemoryTokenStore();
        }

        @Override
        protected Optional<TokenStore> openOtherKey(TokenStore store) {
            return Optional.of(withOwnLock((InMemoryTokenStore) store)); // separate locks, the same data
        }
    }

    private static TokenStore withOwnLock(InMemoryTokenStore data) {
        InMemoryTokenStore ownLock = new InMemoryTokenStore();
        return new Delegating(data) {
            @Override
            public <T> T withRefreshLock(Supplier<T> action) {
                return ownLock.withRefreshLock(action);
            }
        };
    }

    static class Caching extends SharedViews {
        @Override
        TokenStore view() {
            return new Delegating(shared) {
                private Optional<OAuthTokens> cache;

                @Override
                public synchronized Optional<OAuthTokens> load() {
                    if (cache == null) {
                        cache = delegate.load();
                    }
                    return cache;
                }

                @Override
                public synchronized void save(OAuthTokens tokens) {
                    delegate.save(tokens);
                    cache = Optional.of(tokens);
                }
            };
        }
    }
}
