package dev.pdpkit.doctor;

import dev.pdpkit.client.PrismaManagement;
import java.time.Duration;
import java.util.Objects;

/**
 * Finds out why a Prisma Postgres database does not connect. It checks step by step and stops at the first failure:
 * the database's status in the Management API, the connection string, DNS, TCP, the server's PostgreSQL hello and
 * TLS, the login (with the PostgreSQL JDBC driver) and a {@code SELECT 1}. The result is a {@link DoctorReport} with a
 * typed {@link Finding}, a plain-words explanation and the next step.
 *
 * <p>The whole check runs within one time budget; each step's timeouts are cut to what is left of it. Passwords and
 * connection strings never appear in reports (they are masked), and the doctor writes no logs. Instances are
 * immutable and may be shared; each check opens and closes its own connections.
 *
 * <pre>{@code
 * DoctorReport report = ConnectionDoctor.builder().build().checkUrl(System.getenv("DATABASE_URL"));
 * System.out.print(report.toText());
 * System.exit(report.exitCode());
 * }</pre>
 */
public final class ConnectionDoctor {
    /** The default time budget of a whole check. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    private final PrismaManagement client;
    private final Duration budget;
    private final boolean requireDirect;

    private ConnectionDoctor(Builder b) {
        this.client = b.client;
        this.budget = b.budget;
        this.requireDirect = b.requireDirect;
    }

    /** @return a builder with no client, a budget of {@link #DEFAULT_BUDGET} and no direct-connection requirement */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a database by its id: first its status in the Management API, then its connection. With a connection
     * string, the login and {@code SELECT 1} are checked too; without one (the API returns passwords only when a
     * connection is created), the check ends at the server's hello on the endpoint the API lists, with
     * {@link Finding#SERVER_REACHABLE} when all of that works.
     *
     * @param databaseId the database id, e.g. {@code db_...}
     * @param connectionUrlOrNull the connection string to check, or null
     * @return the report; problems with the database are findings, never exceptions
     * @throws DoctorException when the doctor was built without a client
     * @throws NullPointerException when {@code databaseId} is null
     */
    public DoctorReport checkDatabase(String databaseId, String connectionUrlOrNull) {
        Objects.requireNonNull(databaseId, "databaseId");
        if (client == null) {
            throw new DoctorException("checkDatabase needs a Management API client: ConnectionDoctor.builder()"
                    + ".client(...); use checkUrl to check a connection string alone");
        }
        return new CheckRun(budget, requireDirect).database(client, databaseId, connectionUrlOrNull);
    }

    /**
     * Checks a connection string: {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://}
     * (a {@code prisma+postgres://} URL is reported as {@link Finding#ACCELERATE_URL}).
     *
     * @param connectionUrl the connection string
     * @return the report; problems with the URL or database are findings, never exceptions
     * @throws NullPointerException when {@code connectionUrl} is null
     */
    public DoctorReport checkUrl(String connectionUrl) {
        Objects.requireNonNull(connectionUrl, "connectionUrl");
        return new CheckRun(budget, requireDirect).url(connectionUrl);
    }

    /** @return the budget and options, no secrets */
    @Override
    public String toString() {
        return "ConnectionDoctor[budget=" + budget + ", client=" + (client != null) + ", requireDirect="
                + requireDirect + "]";
    }

    /** Configures a {@link ConnectionDoctor}. */
    public static final class Builder {
        private PrismaManagement client;
        private Duration budget = DEFAULT_BUDGET;
        private boolean requireDirect;

        private Builder() {}

        /**
         * The Management API client {@link #checkDatabase} uses; optional for {@link #checkUrl}. The doctor does not
         * close it.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(PrismaManagement client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The time budget of a whole check, default 30 seconds. Every step's timeouts are cut to what is left; the
         * driver's own timeouts count in whole seconds, so a login may overrun the budget by up to a second.
         *
         * @param budget a positive duration
         * @return this builder
         * @throws IllegalArgumentException when the budget is zero or negative
         */
        public Builder budget(Duration budget) {
            Objects.requireNonNull(budget, "budget");
            if (budget.isZero() || budget.isNegative()) {
                throw new IllegalArgumentException("budget must be positive: " + budget);
            }
            this.budget = budget;
            return this;
        }

        /**
         * Says that the connection is for something a pooler cannot carry: migrations, LISTEN/NOTIFY, session
         * settings or advisory locks. A pooled URL then ends the check with
         * {@link Finding#POOLED_URL_WHERE_DIRECT_NEEDED} (a warning) instead of a hint.
         *
         * @param requireDirect true when a direct connection is needed; default false
         * @return this builder
         */
        public Builder requireDirect(boolean requireDirect) {
            this.requireDirect = requireDirect;
            return this;
        }

        /** @return the doctor */
        public ConnectionDoctor build() {
            return new ConnectionDoctor(this);
        }
    }
}
