package dev.pdpkit.jdbc;

import dev.pdpkit.oauth.OAuthException;

/**
 * A JDBC claim store, replay guard or schema helper could not read or write the database, or found a value it cannot
 * decrypt. The message names the operation and the SQLSTATE, never a claim, a token or a connection string; the
 * driver's exception is the cause.
 */
public class JdbcStoreException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a description free of secrets
     * @param cause the underlying cause, or null
     */
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
