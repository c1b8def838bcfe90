package dev.pdpkit.testing.oauth;

import dev.pdpkit.oauth.FileTokenStore;
import dev.pdpkit.oauth.TokenStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The file store passes the conformance suite, including with two instances on one file. */
class FileTokenStoreConformanceTest extends TokenStoreConformanceTest {
    @TempDir
    Path dir;

    @Override
    protected TokenStore createStore() {
        return new FileTokenStore(dir.resolve("nested").resolve("tokens.json"));
    }

    @Override
    protected Optional<TokenStore> openSameStorage(TokenStore store) {
        return Optional.of(new FileTokenStore(((FileTokenStore) store).path()));
    }
}
