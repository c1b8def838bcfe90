package dev.pdpkit.oauth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Keeps tokens in this process only: they are gone when it exits. The default store of {@link PrismaOAuth}, and the
 * right one for web servers that keep tokens per session elsewhere. Thread-safe.
 */
public final class InMemoryTokenStore implements TokenStore {
    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile OAuthTokens tokens;

    /** Creates an empty store. */
    public InMemoryTokenStore() {
    }

    @Override
    public Optional<OAuthTokens> load() {
        return Optional.ofNullable(tokens);
    }

    @Override
    public synchronized void save(OAuthTokens newTokens) {
        tokens = Objects.requireNonNull(newTokens, "tokens");
    }

    @Override
    public synchronized void clear() {
        tokens = null;
    }

    @Override
    public synchronized boolean clearIfCurrent(OAuthTokens expected) {
        OAuthTokens current = tokens;
        if (current != null && current.samePair(expected)) {
            tokens = null;
            return true;
        }
        return false;
    }

    @Override
    public <T> T withRefreshLock(Supplier<T> action) {
        refreshLock.lock();
        try {
            return action.get();
        } finally {
            refreshLock.unlock();
        }
    }

    @Override
    public <T> T withRefreshLock(Duration timeout, Supplier<T> action) {
        boolean locked;
        try {
            locked = refreshLock.tryLock(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while waiting for the token refresh lock");
        }
        if (!locked) {
            throw new LockTimeoutException("the token refresh lock was not free within " + timeout);
        }
        try {
            return action.get();
        } finally {
            refreshLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + (tokens == null ? "empty" : "holds tokens") + "]";
    }
}
