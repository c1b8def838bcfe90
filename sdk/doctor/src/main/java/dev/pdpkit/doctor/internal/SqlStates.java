package dev.pdpkit.doctor.internal;

import dev.pdpkit.doctor.Finding;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns pgjdbc's exceptions into findings by SQLSTATE (for errors the server sent) and by exception type (for
 * errors the driver raised), never by message text.
 */
public final class SqlStates {
    private SqlStates() {}

    /** Where the exception happened: the same SQLSTATE can mean different things. */
    public enum Phase {
        /** Opening the connection. */
        LOGIN,
        /** Running {@code SELECT 1}. */
        QUERY
    }

    /**
     * @param e what pgjdbc threw
     * @param phase login or query
     * @param url the URL, to redact what the driver wrote
     * @return the failure to report
     */
    public static Failure classify(SQLException e, Phase phase, ConnectionUrl url) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState();
        if (server != null) {
            String detail = "the server said: " + url.redact(server.getMessage());
            return new Failure(fromServer(state), detail, state);
        }
        String detail = "the driver said: " + url.redact(e.getMessage()) + causeName(e);
        return new Failure(fromDriver(e, state, phase, url), detail, state);
    }

    /**
     * @param state a SQLSTATE the server sent
     * @return its finding
     */
    static Finding fromServer(String state) {
        if (state == null) {
            return Finding.UNEXPECTED_ERROR;
        }
        switch (state) {
            case "28P01":
                return Finding.AUTH_FAILED;
            case "28000":
            case "42501":
                return Finding.AUTH_REJECTED;
            case "3D000":
                return Finding.UNKNOWN_DATABASE_NAME;
            case "53300":
                return Finding.TOO_MANY_CONNECTIONS;
            case "57P03":
                return Finding.CANNOT_CONNECT_NOW;
            case "57014":
                return Finding.STATEMENT_TIMEOUT;
            default:
                return state.startsWith("28") ? Finding.AUTH_REJECTED : Finding.UNEXPECTED_ERROR;
        }
    }

    private static Finding fromDriver(SQLException e, String state, Phase phase, ConnectionUrl url) {
        // SSLException: the handshake itself; the others: pgjdbc could not load sslrootcert, sslcert or sslkey.
        if (hasCause(e, SSLException.class) || hasCause(e, GeneralSecurityException.class)
                || (!"disable".equals(url.sslMode()) && hasCause(e, FileNotFoundException.class))) {
            return Finding.TLS_HANDSHAKE_FAILED;
        }
        if (hasCause(e, SocketTimeoutException.class)) {
            return phase == Phase.QUERY ? Finding.STATEMENT_TIMEOUT : Finding.SERVER_NOT_RESPONDING;
        }
        if (hasCause(e, ConnectException.class)) {
            return Finding.CONNECTION_REFUSED;
        }
        if (hasCause(e, UnknownHostException.class)) {
            return Finding.DNS_FAILED;
        }
        if (hasCause(e, EOFException.class)) {
            return Finding.NOT_POSTGRES;
        }
        // pgjdbc's PSQLState.CONNECTION_REJECTED: "The server does not support SSL" when sslmode requires it.
        if ("08004".equals(state) && url.requiresTls()) {
            return Finding.TLS_NOT_OFFERED;
        }
        return Finding.UNEXPECTED_ERROR;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String causeName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? "" : " (" + root.getClass().getSimpleName() + ")";
    }
}
