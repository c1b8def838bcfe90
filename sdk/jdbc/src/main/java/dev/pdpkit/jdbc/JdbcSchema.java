package dev.pdpkit.jdbc;

import dev.pdpkit.jdbc.internal.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tables of pdpkit-jdbc. The schema is a plain SQL file on the class path, {@value #POSTGRESQL_RESOURCE}: copy it
 * into a Flyway or Liquibase migration, or call {@link #createSchemaIfMissing} once at start-up.
 */
public final class JdbcSchema {
    /** Class-path location of the PostgreSQL schema. */
    public static final String POSTGRESQL_RESOURCE = "dev/pdpkit/jdbc/schema-postgresql.sql";

    private JdbcSchema() {
    }

    /**
     * @return the statements of {@value #POSTGRESQL_RESOURCE}, without comments, in order
     */
    public static List<String> postgresqlStatements() {
        String text;
        try (InputStream in = JdbcSchema.class.getClassLoader().getResourceAsStream(POSTGRESQL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(POSTGRESQL_RESOURCE + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POSTGRESQL_RESOURCE, e);
        }
        StringBuilder current = new StringBuilder();
        List<String> statements = new ArrayList<>();
        for (String line : text.split("\n")) {
            String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
            current.append(code).append('\n');
            if (code.strip().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        return List.copyOf(statements);
    }

    /**
     * Creates the tables and indexes that do not exist yet (every statement is {@code IF NOT EXISTS}), in one
     * transaction. Safe to call from several instances starting at once: a creation that loses a race with another
     * instance is retried once and then finds everything in place.
     *
     * @param dataSource the database, with a user allowed to create tables
     * @throws JdbcStoreException if the statements fail
     */
    public static void createSchemaIfMissing(DataSource dataSource) {
        List<String> statements = postgresqlStatements();
        SQLException first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Sql.inTransaction(dataSource, 30_000, c -> {
                    try (Statement s = c.createStatement()) {
                        for (String sql : statements) {
                            s.execute(sql);
                        }
                    }
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    e.addSuppressed(first);
                    throw new JdbcStoreException("cannot create the pdpkit-jdbc schema (SQLSTATE " + e.getSQLState()
                            + ")", e);
                }
            }
        }
    }
}
