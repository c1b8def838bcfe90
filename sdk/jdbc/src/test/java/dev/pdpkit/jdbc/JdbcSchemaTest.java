package dev.pdpkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The schema file parses into its statements and creates the tables once, even from several instances at once. */
class JdbcSchemaTest {

    @Test
    void theFileHoldsThreeTablesAndTheirIndexes() {
        List<String> statements = JdbcSchema.postgresqlStatements();
        assertThat(statements).hasSize(5);
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE IF NOT EXISTS")).hasSize(3);
        assertThat(statements).allSatisfy(s -> assertThat(s).doesNotContain("--").doesNotEndWith(";"));
    }

    @Test
    void instancesStartingAtOnceCreateTheSchemaOnce() throws Exception {
        SharedPostgres.server().psql("postgres", "CREATE DATABASE schema_race");
        int instances = 4;
        List<HikariDataSource> pools = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CyclicBarrier start = new CyclicBarrier(instances);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                HikariDataSource ds = SharedPostgres.pool("schema_race", 1);
                pools.add(ds);
                runs.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    JdbcSchema.createSchemaIfMissing(ds);
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get(60, TimeUnit.SECONDS);
            }
            JdbcSchema.createSchemaIfMissing(pools.get(0)); // and again: nothing to do
            try (Connection c = pools.get(0).getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM information_schema.tables"
                         + " WHERE table_name LIKE 'pdpkit\\_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        } finally {
            pool.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
    }
}
