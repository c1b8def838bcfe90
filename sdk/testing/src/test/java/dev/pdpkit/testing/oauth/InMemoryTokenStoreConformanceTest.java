package dev.pdpkit.testing.oauth;

import dev.pdpkit.oauth.InMemoryTokenStore;
import dev.pdpkit.oauth.TokenStore;

/** The in-memory store passes the conformance suite (it has no second handle: its storage is the instance). */
class InMemoryTokenStoreConformanceTest extends TokenStoreConformanceTest {
    @Override
    protected TokenStore createStore() {
        return new InMemoryTokenStore();
    }
}
