package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;

/** An error status the API does not document (for example 405, 408 or 410), or a 3xx the SDK does not follow. */
public final class UnexpectedStatusException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    UnexpectedStatusException(int statusCode, String errorCode, String errorMessage, String hint, HttpHeaders headers,
                              String rawBody) {
        super(statusCode, errorCode, errorMessage, hint, headers, rawBody);
    }
}
