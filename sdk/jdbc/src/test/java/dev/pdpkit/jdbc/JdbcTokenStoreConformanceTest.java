package dev.pdpkit.jdbc;

import dev.pdpkit.oauth.TokenStore;
import dev.pdpkit.testing.oauth.TokenStoreConformanceTest;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The JDBC store passes the conformance suite on PostgreSQL: one key per test, a second handle through a second
 * connection pool (as another instance of the application would open), and another key over the same table.
 */
class JdbcTokenStoreConformanceTest extends TokenStoreConformanceTest {
    private static DataSource secondInstance;

    /**
     * @param builder a builder on the shared pool
     * @return it, with the settings of this variant of the suite
     */
    JdbcTokenStore.Builder configure(JdbcTokenStore.Builder builder) {
        return builder;
    }

    @Override
    protected TokenStore createStore() {
        return configure(JdbcTokenStore.builder(SharedPostgres.dataSource())).key(SharedPostgres.freshKey()).build();
    }

    @Override
    protected Optional<TokenStore> openSameStorage(TokenStore store) {
        synchronized (JdbcTokenStoreConformanceTest.class) {
            if (secondInstance == null) {
                secondInstance = SharedPostgres.newPool(8);
            }
        }
        return Optional.of(configure(JdbcTokenStore.builder(secondInstance)).key(((JdbcTokenStore) store).key())
                .build());
    }

    @Override
    protected Optional<TokenStore> openOtherKey(TokenStore store) {
        return Optional.of(((JdbcTokenStore) store).forKey(SharedPostgres.freshKey()));
    }
}
