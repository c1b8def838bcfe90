package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.http.HttpResponse;

/**
 * Puts the bearer token on each attempt. On a 401 it gives the credentials one chance to refresh and repeats the
 * request once; a second 401 goes to the caller.
 */
public final class AuthStage implements Stage {
    private final Credentials credentials;
    private final Stage next;
    private final BearerHeader header;

    public AuthStage(Credentials credentials, BearerHeader header, Stage next) {
        this.credentials = credentials;
        this.header = header;
        this.next = next;
    }

    @Override
    public HttpResponse send(Attempt attempt) {
        String token = token(credentials, attempt);
        attempt.authorization(header.of(token));
        try {
            return next.send(attempt);
        } catch (UnauthorizedException e) {
            if (rejectsAnotherCredential(attempt.request(), e)
                    || !credentials.refreshAfterUnauthorized(token, attempt.remaining())) {
                throw e;
            }
            attempt.authorization(header.of(token(credentials, attempt)));
            return next.send(attempt);
        }
    }

    /**
     * A 401 can be about a credential in the request body rather than the caller's own: the spec marks such
     * operations ({@code x-pdpkit-unauthorized: body-credential}, the transfer with its recipient's token). Refreshing
     * the caller's tokens then would rotate them for nothing and send the request twice.
     */
    static boolean rejectsAnotherCredential(ApiRequest request, UnauthorizedException e) {
        return request.unauthorizedMeansBodyCredential();
    }

    static String token(Credentials credentials, Attempt attempt) {
        String token = credentials.bearerToken(attempt.remaining());
        if (token == null || token.isBlank()) {
            throw new PrismaException("the credentials supplied no bearer token");
        }
        return token;
    }
}
