package dev.pdpkit.doctor;

/**
 * What a {@link ConnectionDoctor} check found: the first problem on the way from the Management API to a
 * {@code SELECT 1}, or {@link #OK}. Each finding has a stable name (used in {@link DoctorReport#toJson()}), a stable
 * process exit code, and plain-words text: what was found, what it means, and the next step.
 *
 * <p>Exit codes: {@code 0} nothing wrong; {@code 1} works but with a warning; {@code 10-19} the database's state in
 * the Management API; {@code 20-29} the connection string; {@code 30-39} the network; {@code 40-49} TLS;
 * {@code 50-59} login; {@code 60-69} the database name; {@code 70-79} the server's capacity or state;
 * {@code 80-89} queries; {@code 90} the time budget ran out; {@code 99} an error the doctor does not know.
 */
public enum Finding {
    /** Everything checked passed: the server accepted the login and answered {@code SELECT 1}. */
    OK(0, Severity.OK, "The database accepts connections and answers queries.",
            "Nothing is wrong on the way from this machine to the database.",
            "If your application still cannot connect, compare its connection string with the one checked here."),
    /** The server answers, but no connection string was given, so the login was not checked. */
    SERVER_REACHABLE(0, Severity.OK, "The database server is reachable; the login was not checked.",
            "The database is ready in the Management API and its server answers the PostgreSQL protocol. Without a"
                    + " connection string (which holds the password) the doctor cannot test the login.",
            "Check again with the connection string your application uses."),
    /** A pooled URL is used where the caller said it needs a direct connection. */
    POOLED_URL_WHERE_DIRECT_NEEDED(1, Severity.WARNING, "This is a pooled connection string, but a direct one is needed.",
            "Pooled connections go through a connection pooler that shares server sessions between clients. That is"
                    + " right for application queries, but migrations, LISTEN/NOTIFY, session-level settings and"
                    + " advisory locks need a session of their own.",
            "Use the direct connection string (host db.prisma.io for Prisma Postgres) for migrations and LISTEN;"
                    + " keep the pooled one for application traffic."),

    /** The Management API says the database is still being created. */
    DATABASE_PROVISIONING(10, Severity.FAILURE, "The database is still being provisioned.",
            "The Management API reports the status 'provisioning': the database exists but its server is not ready"
                    + " to accept connections yet.",
            "Wait until its status is 'ready' (usually seconds to a minute), then connect again."),
    /** The Management API says the database is being restored. */
    DATABASE_RECOVERING(11, Severity.FAILURE, "The database is being restored (recovering).",
            "The Management API reports the status 'recovering': a restore from a backup or another database is"
                    + " running, and the server does not accept connections until it finishes.",
            "Wait until its status is 'ready', then connect again."),
    /** The Management API says the database failed. */
    DATABASE_FAILED(12, Severity.FAILURE, "The database is in the 'failure' state.",
            "The Management API reports that creating or restoring this database failed. It will not accept"
                    + " connections in this state.",
            "Create a new database (or restore from a backup); contact Prisma support if it keeps happening."),
    /** The Management API does not know the database id: deleted, or never existed in this workspace. */
    DATABASE_DELETED(13, Severity.FAILURE, "The database was not found: it was deleted, or the id is wrong.",
            "The Management API answered 404 for this database id in the workspace of your credentials.",
            "Check the database id and the workspace of your service token; if it was deleted, create a new one."),
    /** The Management API rejected the credentials. */
    API_UNAUTHORIZED(14, Severity.FAILURE, "The Management API rejected your credentials.",
            "The service token or OAuth token is missing, expired, revoked, or lacks access to this database.",
            "Create a new service token in the Prisma Console (workspace settings) or log in again."),
    /** The Management API could not be asked. */
    API_UNAVAILABLE(15, Severity.FAILURE, "The Management API could not be asked about the database.",
            "The request to the Management API failed (network error, timeout or a server error), so the"
                    + " database's status is unknown.",
            "Check this machine's internet access and https://www.prisma-status.com, then try again."),

    /** The connection string cannot be read. */
    INVALID_URL(20, Severity.FAILURE, "The connection string cannot be read.",
            "It is not a postgres://, postgresql:// or jdbc:postgresql:// URL with a host.",
            "Copy the connection string again from the Prisma Console or the Management API; the expected shape"
                    + " is postgres://USER:PASSWORD@HOST:5432/DATABASE?sslmode=require."),
    /** A {@code prisma+postgres://} URL, which only Prisma ORM understands. */
    ACCELERATE_URL(21, Severity.FAILURE, "This is a Prisma Accelerate URL (prisma+postgres://), not a PostgreSQL one.",
            "Prisma ORM talks to Accelerate over HTTPS with an API key; PostgreSQL drivers, psql and JDBC cannot use"
                    + " this URL at all.",
            "Use the database's direct (db.prisma.io) or pooled (pooled.db.prisma.io) postgres:// connection string."),
    /** The database has no connection whose endpoint could be checked. */
    NO_ENDPOINT(22, Severity.FAILURE, "The database has no connection endpoint to check.",
            "The Management API lists no connection with a direct or pooled endpoint for this database.",
            "Create a connection (client.databases().connections().create(...)) and check its connection string."),

    /** The host name does not resolve. */
    DNS_FAILED(30, Severity.FAILURE, "The host name does not resolve.",
            "DNS has no address for the host in the connection string (a typo, a deleted host, or no DNS on this"
                    + " machine).",
            "Check the host in the connection string and this machine's DNS; Prisma Postgres hosts are db.prisma.io"
                    + " and pooled.db.prisma.io."),
    /** Nothing listens on the port: the connection was refused. */
    CONNECTION_REFUSED(31, Severity.FAILURE, "The connection was refused (ECONNREFUSED).",
            "The host answered, but nothing listens on that port: the server is stopped, or the port is wrong.",
            "Check the port (5432 for Prisma Postgres) and that the database server is running."),
    /** The TCP connection attempt got no answer at all. */
    CONNECTION_TIMED_OUT(32, Severity.FAILURE, "The connection attempt timed out.",
            "Nothing answered the TCP connection attempt: a firewall, a VPN or a network policy drops the packets,"
                    + " or the host is down.",
            "Check that outgoing connections to port 5432 are allowed from this machine (corporate networks often"
                    + " block it)."),
    /** The port accepts connections but does not answer the PostgreSQL protocol. */
    SERVER_NOT_RESPONDING(33, Severity.FAILURE, "The server accepted the connection but never answered.",
            "Something accepts TCP connections on that port but does not speak PostgreSQL in time: an overloaded or"
                    + " hung server, a proxy that cannot reach its backend, or the wrong service.",
            "Check the host and port; if they are right, the server is stuck: retry later or contact the provider."),
    /** The port answers, but not as PostgreSQL. */
    NOT_POSTGRES(34, Severity.FAILURE, "The server on that port is not PostgreSQL.",
            "It answered the PostgreSQL start-up request with something else or closed the connection.",
            "Check the host and port: you may be pointing at an HTTP service or another database."),

    /** The server only accepts TLS connections and the client did not use TLS. */
    TLS_REQUIRED(40, Severity.FAILURE, "The server requires TLS, but the client connected without it.",
            "The server refused the unencrypted login and accepted the same login over TLS.",
            "Remove sslmode=disable from the connection string (use sslmode=require or stronger)."),
    /** The client requires TLS and the server does not offer it. */
    TLS_NOT_OFFERED(41, Severity.FAILURE, "The client requires TLS, but the server does not offer it.",
            "The connection string asks for TLS (sslmode=require, verify-ca or verify-full) and the server answered"
                    + " that it does not support TLS.",
            "Check that the host is the right server; for a local server without TLS use sslmode=prefer or disable."),
    /** The TLS handshake failed. */
    TLS_HANDSHAKE_FAILED(42, Severity.FAILURE, "The TLS handshake failed.",
            "The server offers TLS, but the handshake did not complete: its certificate is not trusted for this host"
                    + " name (verify-ca / verify-full), or client and server share no protocol version or cipher.",
            "With sslmode=verify-full, check sslrootcert and the host name; an old JVM may need updating."),

    /** Wrong password, or the user does not exist (SQLSTATE 28P01). */
    AUTH_FAILED(50, Severity.FAILURE, "The server rejected the user name or password (SQLSTATE 28P01).",
            "The password is wrong or the user does not exist any more. With Prisma Postgres this usually means the"
                    + " connection was rotated or deleted, which changes or removes its credentials.",
            "Get a current connection string (create a new connection if it was deleted) and update your"
                    + " application's configuration."),
    /** The server refuses this login regardless of the password (SQLSTATE 28000 or 42501). */
    AUTH_REJECTED(51, Severity.FAILURE, "The server does not allow this user to connect (SQLSTATE 28000).",
            "The server's access rules (pg_hba.conf, the CONNECT privilege or the role's LOGIN attribute) reject"
                    + " this user, database or client address, whatever the password.",
            "Use the connection string the Prisma Console or Management API gave for this database; if it is the"
                    + " right one, the user has lost its permission to connect."),

    /** The database name in the URL does not exist on the server (SQLSTATE 3D000). */
    UNKNOWN_DATABASE_NAME(60, Severity.FAILURE, "The database named in the connection string does not exist (3D000).",
            "The server accepted the login but has no database with that name.",
            "Fix the database name (the part after the last '/' of the URL); Prisma Postgres uses 'postgres'."),

    /** The server has no connection slot left (SQLSTATE 53300). */
    TOO_MANY_CONNECTIONS(70, Severity.FAILURE, "The server has no free connection slots (53300: too many clients).",
            "Every connection the server allows is in use, or this user reached its own connection limit.",
            "Close idle connections, lower your application's pool size, or use the pooled connection string for"
                    + " application traffic."),
    /** The server is starting up, shutting down, in recovery or backup (SQLSTATE 57P03). */
    CANNOT_CONNECT_NOW(71, Severity.FAILURE, "The server cannot accept connections right now (57P03).",
            "The server is starting up, shutting down, or in recovery or backup mode (Prisma error P1026).",
            "Wait a minute and try again; if it lasts, check the database's status in the Prisma Console."),

    /** A trivial {@code SELECT 1} was cancelled or never answered (SQLSTATE 57014). */
    STATEMENT_TIMEOUT(80, Severity.FAILURE, "A trivial SELECT 1 timed out (57014).",
            "The login worked, but the server cancelled or did not answer the simplest query in time: it is"
                    + " overloaded, or statement_timeout is set far too low for this user or database.",
            "Check the server's load and the statement_timeout of the user and database (SHOW statement_timeout)."),

    /** The time budget ran out before the check could finish. */
    BUDGET_EXHAUSTED(90, Severity.FAILURE, "The check ran out of time before it could finish.",
            "The steps so far passed, but together they used the whole time budget.",
            "Run the check again with a larger budget; a slow network or DNS is likely."),
    /** Something failed that the doctor has no finding for. */
    UNEXPECTED_ERROR(99, Severity.FAILURE, "The connection failed in a way the doctor does not recognise.",
            "See the failed step's detail (and its SQLSTATE, if any) for what the server or driver said.",
            "Look the SQLSTATE up in the PostgreSQL documentation (Appendix A) or contact support with this report.");

    /** How bad a finding is. */
    public enum Severity {
        /** Nothing wrong. */
        OK,
        /** It works, but not as it should be used. */
        WARNING,
        /** The database cannot be used from here. */
        FAILURE
    }

    private final int exitCode;
    private final Severity severity;
    private final String summary;
    private final String meaning;
    private final String nextStep;

    Finding(int exitCode, Severity severity, String summary, String meaning, String nextStep) {
        this.exitCode = exitCode;
        this.severity = severity;
        this.summary = summary;
        this.meaning = meaning;
        this.nextStep = nextStep;
    }

    /** @return the process exit code for this finding (see the class comment for the ranges) */
    public int exitCode() {
        return exitCode;
    }

    /** @return how bad this finding is */
    public Severity severity() {
        return severity;
    }

    /** @return one sentence: what was found */
    public String summary() {
        return summary;
    }

    /** @return what it means, in plain words */
    public String meaning() {
        return meaning;
    }

    /** @return what to do next */
    public String nextStep() {
        return nextStep;
    }
}
