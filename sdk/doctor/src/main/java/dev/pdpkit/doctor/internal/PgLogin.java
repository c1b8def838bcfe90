package dev.pdpkit.doctor.internal;

import dev.pdpkit.doctor.Finding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/** Logs in with pgjdbc and runs {@code SELECT 1}, with every timeout cut to the budget. */
public final class PgLogin {
    /** libpq URL parameters that pgjdbc understands, and their pgjdbc names; others are not passed on. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "sslmode", "sslmode", "sslrootcert", "sslrootcert", "sslcert", "sslcert", "sslkey", "sslkey",
            "sslpassword", "sslpassword", "application_name", "ApplicationName", "options", "options");

    private PgLogin() {}

    /**
     * Logs in. Credentials go to the driver as properties, never in the URL, so nothing the driver writes can hold
     * them.
     *
     * @param url the connection string
     * @param sslModeOverride an sslmode to use instead of the URL's, or null
     * @param deadline the budget
     * @return an open connection
     * @throws SQLException what pgjdbc threw
     */
    public static Connection connect(ConnectionUrl url, String sslModeOverride, Deadline deadline)
            throws SQLException {
        Properties props = new Properties();
        if (url.form() == ConnectionUrl.Form.JDBC) {
            props.putAll(url.params());
        } else {
            url.params().forEach((name, value) -> {
                String pg = LIBPQ_TO_PGJDBC.get(name.toLowerCase(Locale.ROOT));
                if (pg != null) {
                    props.setProperty(pg, value);
                }
            });
        }
        props.remove("password");
        props.remove("user");
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        if (sslModeOverride != null) {
            props.setProperty("sslmode", sslModeOverride);
        }
        String seconds = Integer.toString(deadline.secondsLeft());
        props.setProperty("connectTimeout", seconds);
        props.setProperty("loginTimeout", seconds);
        props.setProperty("socketTimeout", seconds);
        props.setProperty("ApplicationName", "pdpkit-doctor");
        Connection connection = new Driver().connect(jdbcUrl(url), props);
        if (connection == null) {
            throw new SQLException("pgjdbc did not accept the URL", "08001");
        }
        return connection;
    }

    /**
     * Runs {@code SELECT 1} with a query timeout (pgjdbc cancels the statement, the server answers 57014) and a
     * network timeout at the end of the budget.
     *
     * @param connection an open connection
     * @param deadline the budget
     * @return a pass with the server's version
     * @throws SQLException what pgjdbc threw
     * @throws Failure when the answer is not 1
     */
    public static Passed<Void> selectOne(Connection connection, Deadline deadline) throws SQLException, Failure {
        connection.setNetworkTimeout(Runnable::run, deadline.millisLeft());
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, deadline.remaining().toSeconds()));
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new Failure(Finding.UNEXPECTED_ERROR, "SELECT 1 did not return 1");
                }
            }
        }
        String version = connection.getMetaData().getDatabaseProductVersion();
        return Passed.of(null, "SELECT 1 answered 1 (PostgreSQL " + version + ")");
    }

    private static String jdbcUrl(ConnectionUrl url) {
        // pgjdbc URL-decodes the path (a '+' would become a space), so encode it the same way.
        String db = URLEncoder.encode(url.database(), StandardCharsets.UTF_8).replace("+", "%20");
        return "jdbc:postgresql://" + url.hostAndPort() + "/" + db;
    }
}
