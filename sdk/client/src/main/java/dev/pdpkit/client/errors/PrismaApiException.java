package dev.pdpkit.client.errors;

import dev.pdpkit.client.core.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The API answered with an error status. One subclass exists per status the API documents, so callers can catch
 * exactly what they handle:
 *
 * <pre>{@code
 * try {
 *     client.projects().get(id);
 * } catch (NotFoundException e) {
 *     // gone
 * } catch (PrismaApiException e) {
 *     log.warn("status={} code={} requestId={}", e.statusCode(), e.errorCode().orElse("-"), e.requestId().orElse("-"));
 * }
 * }</pre>
 *
 * <p>The fields come from the documented error body {@code {"error":{"code","message","hint"}}}. When the body has
 * another shape (plain text, an HTML page from a proxy, nothing at all) the exception is still of the subclass for its
 * status, with an empty {@link #errorCode()} and the raw body kept in {@link #rawBody()}.
 */
public class PrismaApiException extends PrismaException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_MESSAGE_CHARS = 300;

    /** The HTTP status of the answer. */
    private final int statusCode;
    /** The {@code error.code} of the body, or null when the body did not have the documented shape. */
    private final String errorCode;
    /** The {@code error.message} of the body, or null. */
    private final String errorMessage;
    /** The {@code error.hint} of the body, or null. */
    private final String hint;
    private final transient HttpHeaders headers;
    /** The response body as received, or null. */
    private final String rawBody;

    /**
     * Creates an API exception; use {@link #create} to get the subclass that matches the status.
     *
     * @param statusCode the HTTP status
     * @param errorCode {@code error.code}, or null
     * @param errorMessage {@code error.message}, or null
     * @param hint {@code error.hint}, or null
     * @param headers the response headers
     * @param rawBody the response body as received, or null
     */
    protected PrismaApiException(int statusCode, String errorCode, String errorMessage, String hint,
                                 HttpHeaders headers, String rawBody) {
        super(describe(statusCode, errorCode, errorMessage, headers));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.hint = hint;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.rawBody = rawBody;
    }

    /**
     * Creates the exception subclass that matches {@code statusCode}.
     *
     * @param statusCode an HTTP status of 400 or more
     * @param errorCode {@code error.code} of the body, or null when the body did not have the documented shape
     * @param errorMessage {@code error.message}, or null
     * @param hint {@code error.hint}, or null
     * @param headers the response headers
     * @param rawBody the body as received, or null
     * @param retryAfter the parsed {@code Retry-After}, or null
     * @return the matching exception, never null
     */
    public static PrismaApiException create(int statusCode, String errorCode, String errorMessage, String hint,
                                            HttpHeaders headers, String rawBody, Duration retryAfter) {
        switch (statusCode) {
            case 400: return new BadRequestException(errorCode, errorMessage, hint, headers, rawBody);
            case 401: return new UnauthorizedException(errorCode, errorMessage, hint, headers, rawBody);
            case 403: return new PermissionDeniedException(errorCode, errorMessage, hint, headers, rawBody);
            case 404: return new NotFoundException(errorCode, errorMessage, hint, headers, rawBody);
            case 409: return new ConflictException(errorCode, errorMessage, hint, headers, rawBody);
            case 413: return new PayloadTooLargeException(errorCode, errorMessage, hint, headers, rawBody);
            case 422: return new UnprocessableEntityException(errorCode, errorMessage, hint, headers, rawBody);
            case 429: return new RateLimitException(errorCode, errorMessage, hint, headers, rawBody, retryAfter);
            default:
                if (statusCode >= 500 && statusCode <= 599) {
                    return new InternalServerException(statusCode, errorCode, errorMessage, hint, headers, rawBody,
                            retryAfter);
                }
                return new UnexpectedStatusException(statusCode, errorCode, errorMessage, hint, headers, rawBody);
        }
    }

    private static String describe(int status, String code, String message, HttpHeaders headers) {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            sb.append(' ').append(code);
        }
        if (message != null && !message.isBlank()) {
            String m = message.strip();
            sb.append(": ").append(m.length() > MAX_MESSAGE_CHARS ? m.substring(0, MAX_MESSAGE_CHARS) + "…" : m);
        } else if (code == null) {
            sb.append(": the response had no error body of the documented shape");
        }
        headers.requestId().ifPresent(id -> sb.append(" (request id ").append(id).append(')'));
        return sb.toString();
    }

    /** @return the HTTP status code */
    public int statusCode() {
        return statusCode;
    }

    /** @return {@code error.code} of the response body, if it had the documented shape */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** @return {@code error.message} of the response body, if any */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /** @return {@code error.hint} of the response body, if any */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** @return the response headers (empty after deserialisation) */
    public HttpHeaders headers() {
        return headers == null ? HttpHeaders.empty() : headers;
    }

    /** @return the response body exactly as received, if there was one */
    public Optional<String> rawBody() {
        return Optional.ofNullable(rawBody);
    }

    /** @return the server's request id, if the response carried one */
    public Optional<String> requestId() {
        return headers().requestId();
    }

    /**
     * Tells whether the status is transient: 408, 429 and every 5xx except 501 (Not Implemented) and 505 (HTTP
     * Version Not Supported), which no repeat can fix. Whether the client actually repeats a request also depends on
     * its method: see the retry table in the README.
     *
     * @return true when repeating the same request later may succeed
     */
    @Override
    public boolean isRetryable() {
        return isRetryableStatus(statusCode);
    }

    /**
     * The one definition of a transient status, shared by {@link #isRetryable()} and the client's retries.
     *
     * @param statusCode an HTTP status
     * @return true for 408, 429 and 5xx other than 501 and 505
     */
    public static boolean isRetryableStatus(int statusCode) {
        return statusCode == 408 || statusCode == 429
                || (statusCode >= 500 && statusCode <= 599 && statusCode != 501 && statusCode != 505);
    }
}
