package dev.pdpkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pdpkit.fixtures.postgres.LocalPostgres;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One throwaway PostgreSQL server for all tests of this module's JVM (started on first use, stopped at exit), with
 * the schema created in database {@code postgres}, and connection pools on it.
 */
final class SharedPostgres {
    private static LocalPostgres server;
    private static HikariDataSource shared;

    private SharedPostgres() {
    }

    /** @return the running server */
    static synchronized LocalPostgres server() {
        if (server == null) {
            server = LocalPostgres.builder().setting("max_connections", "200").start();
            shared = pool("postgres", 12);
            JdbcSchema.createSchemaIfMissing(shared);
        }
        return server;
    }

    /** @return the pool most tests share */
    static DataSource dataSource() {
        server();
        return shared;
    }

    /**
     * A second pool on the same database: what another instance of an application would have. Closed at exit.
     *
     * @param maxSize its size
     * @return the pool
     */
    static HikariDataSource newPool(int maxSize) {
        server();
        return pool("postgres", maxSize);
    }

    /**
     * @param database a database on the shared server
     * @param maxSize the pool's size
     * @return a pool on it
     */
    static HikariDataSource pool(String database, int maxSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(database));
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + database + "-" + UUID.randomUUID().toString().substring(0, 8));
        HikariDataSource ds = new HikariDataSource(config);
        Runtime.getRuntime().addShutdownHook(new Thread(ds::close));
        return ds;
    }

    /** @return a key no other test uses */
    static String freshKey() {
        return "test-" + UUID.randomUUID();
    }
}
