package dev.pdpkit.oauth;

import dev.pdpkit.client.errors.PrismaException;

/**
 * Root of the OAuth module's exceptions. Like every SDK exception it is unchecked, and no message contains a token,
 * a code, a verifier, a state value or a client secret.
 */
public class OAuthException extends PrismaException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a description free of secrets
     */
    public OAuthException(String message) {
        super(message);
    }

    /**
     * @param message a description free of secrets
     * @param cause the underlying cause
     */
    public OAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
