package dev.pdpkit.emulator.api;

import java.util.Objects;

/**
 * The hosts that generated connection strings point at. Nothing listens there: the emulator hands out credentials
 * in the shapes the service uses, it does not run databases.
 *
 * @param directHost host of the direct Postgres endpoint
 * @param pooledHost host of the pooled Postgres endpoint
 * @param postgresPort port of both Postgres endpoints
 * @param accelerateHost host of the Accelerate endpoint ({@code prisma+postgres://} URLs)
 * @param databaseName the database name in Postgres URLs
 */
public record ConnectionHosts(String directHost, String pooledHost, int postgresPort, String accelerateHost,
                              String databaseName) {
    /**
     * Creates the hosts.
     *
     * @param directHost host of the direct Postgres endpoint
     * @param pooledHost host of the pooled Postgres endpoint
     * @param postgresPort port of both Postgres endpoints
     * @param accelerateHost host of the Accelerate endpoint
     * @param databaseName the database name in Postgres URLs
     * @throws NullPointerException if a host or the database name is null
     */
    public ConnectionHosts {
        Objects.requireNonNull(directHost, "directHost");
        Objects.requireNonNull(pooledHost, "pooledHost");
        Objects.requireNonNull(accelerateHost, "accelerateHost");
        Objects.requireNonNull(databaseName, "databaseName");
    }

    /**
     * Returns the hosts of Prisma Postgres.
     *
     * @return the hosts of Prisma Postgres
     */
    public static ConnectionHosts prismaDefaults() {
        return new ConnectionHosts("db.prisma.io", "pooled.db.prisma.io", 5432, "accelerate.prisma-data.net",
                "postgres");
    }
}
