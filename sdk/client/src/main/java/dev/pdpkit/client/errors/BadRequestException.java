package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;

/** HTTP 400: the request was invalid (bad parameters, or a state the operation does not allow, such as deleting a project that still has dependencies). */
public final class BadRequestException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    BadRequestException(String errorCode, String errorMessage, String hint, HttpHeaders headers, String rawBody) {
        super(400, errorCode, errorMessage, hint, headers, rawBody);
    }
}
