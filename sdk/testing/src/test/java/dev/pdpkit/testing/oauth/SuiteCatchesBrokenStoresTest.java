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

    static class Caching extends TokenStoreConformanceTest {
        private final InMemoryTokenStore shared = new InMemoryTokenStore();

        @Override
        protected TokenStore createStore() {
            return cachingView();
        }

        @Override
        protected Optional<TokenStore> openSameStorage(TokenStore store) {
            return Optional.of(cachingView());
        }

        private TokenStore cachingView() {
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
