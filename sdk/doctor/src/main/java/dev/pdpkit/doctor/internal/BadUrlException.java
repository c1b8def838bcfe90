package dev.pdpkit.doctor.internal;

/** A connection string that cannot be read; the message says why and never quotes the URL's secrets. */
public final class BadUrlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadUrlException(String reason) {
        super(reason);
    }
}
