package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;

/** HTTP 401: the credential was missing, invalid, expired or revoked. */
public final class UnauthorizedException extends PrismaApiException {
    private static final long serialVersionUID = 1L;

    UnauthorizedException(String errorCode, String errorMessage, String hint, HttpHeaders headers, String rawBody) {
        super(401, errorCode, errorMessage, hint, headers, rawBody);
    }
}
