package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;

/** HTTP 413: the request body exceeds the endpoint's size cap. */
public final class PayloadTooLargeException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    PayloadTooLargeException(String errorCode, String errorMessage, String hint, HttpHeaders headers, String rawBody) {
        super(413, errorCode, errorMessage, hint, headers, rawBody);
    }
}
