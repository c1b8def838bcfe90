package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;

/** HTTP 409: the request conflicts with the current state, for example a duplicate {@code logicalId} or a project that cannot be transferred now. */
public final class ConflictException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    ConflictException(String errorCode, String errorMessage, String hint, HttpHeaders headers, String rawBody) {
        super(409, errorCode, errorMessage, hint, headers, rawBody);
    }
}
