package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.internal.http.ApiRequest;

/**
 * The one place that says which failures are retried; the README's retry table is this class in words.
 *
 * <ul>
 *   <li>Transient: network failures, 408, 429 and 5xx except 501 and 505 ({@link PrismaException#isRetryable()}).
 *   <li>Repeatable requests (GET, DELETE, a create carrying a {@code logicalId}, or a call that opted in) are retried
 *       on every transient failure.
 *   <li>Other POSTs and PATCHes only when the server cannot have acted on them: the request never left this machine
 *       (connection refused, unknown host, a pooled connection the server had closed), or the server said it did not
 *       take it (408, 429).
 * </ul>
 */
final class RetryRules {
    private RetryRules() {
    }

    /** @return true when the request may be repeated after any transient failure */
    static boolean repeatable(ApiRequest request, boolean optIn) {
        return request.idempotency() != ApiRequest.IdempotencyKind.NON_IDEMPOTENT || optIn;
    }

    /** The retry predicate for repeatable requests. */
    static boolean retryRepeatable(Throwable t) {
        return t instanceof PrismaException && ((PrismaException) t).isRetryable();
    }

    /** The retry predicate for requests that must not be acted on twice. */
    static boolean retryOnce(Throwable t) {
        if (t instanceof PrismaNetworkException) {
            return !((PrismaNetworkException) t).requestMayHaveBeenSent();
        }
        if (t instanceof PrismaApiException) {
            int status = ((PrismaApiException) t).statusCode();
            return status == 408 || status == 429;
        }
        return false;
    }

    /** @return true when the failure leaves open that the server acted on the request */
    static boolean mayHaveActed(PrismaException e) {
        if (e instanceof PrismaNetworkException) {
            return ((PrismaNetworkException) e).requestMayHaveBeenSent();
        }
        if (e instanceof PrismaApiException) {
            int status = ((PrismaApiException) e).statusCode();
            return status >= 500;
        }
        return false;
    }
}
