package dev.pdpkit.testing.oauth;

import dev.pdpkit.oauth.OAuthTokens;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An authorization server for the conformance suite: rotates refresh tokens, counts every rotated one sent again. */
final class RotatingServer {
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger reuses = new AtomicInteger();
    private String current;
    private int generation;

    synchronized OAuthTokens issue() {
        generation++;
        current = "refresh-gen-" + generation;
        return OAuthTokens.of("access-gen-" + generation, current, Instant.now().plusSeconds(60), "wksp_1",
                List.of("workspace:admin", "offline_access"));
    }

    /** Rotates, then takes a few milliseconds to answer, as a real token request does over the network. */
    OAuthTokens refresh(String refreshToken) {
        OAuthTokens next;
        synchronized (this) {
            if (!refreshToken.equals(current)) {
                reuses.incrementAndGet();
            }
            refreshes.incrementAndGet();
            next = issue();
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return next;
    }

    synchronized String current() {
        return current;
    }
}
