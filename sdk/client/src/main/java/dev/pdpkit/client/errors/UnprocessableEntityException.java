package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;

/** HTTP 422: the request was well-formed but semantically invalid. */
public final class UnprocessableEntityException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    UnprocessableEntityException(String errorCode, String errorMessage, String hint, HttpHeaders headers, String rawBody) {
        super(422, errorCode, errorMessage, hint, headers, rawBody);
    }
}
