package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;

/** HTTP 404: the resource does not exist or is not visible to this credential. */
public final class NotFoundException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String errorCode, String errorMessage, String hint, HttpHeaders headers, String rawBody) {
        super(404, errorCode, errorMessage, hint, headers, rawBody);
    }
}
