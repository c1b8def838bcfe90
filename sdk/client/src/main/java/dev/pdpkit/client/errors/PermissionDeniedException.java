package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;

/** HTTP 403: the credential is valid but may not act on this resource. */
public final class PermissionDeniedException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    PermissionDeniedException(String errorCode, String errorMessage, String hint, HttpHeaders headers, String rawBody) {
        super(403, errorCode, errorMessage, hint, headers, rawBody);
    }
}
