package dev.pdpkit.emulator.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the emulated Management API. It is rendered as the documented body
 * {@code {"error":{"code","message","hint"?}}}.
 *
 * <p>{@link #outsideContract()} marks answers to requests that the OpenAPI document does not describe a status for
 * (an unparseable cursor, a body the spec's schema rejects on an operation that declares neither 400 nor 422, ...):
 * the emulator still answers with the documented error shape, but does not report the undeclared status as a response
 * violation, because the request itself broke the contract.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the error answer. */
    private final int status;
    /** The {@code error.code} of the answer. */
    private final String code;
    /** The {@code error.hint} of the answer, or null when it has none. */
    private final String hint;
    /** Whether the request broke the contract, so an undeclared status is not reported as a violation. */
    private final boolean outsideContract;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    /**
     * Creates an error answer.
     *
     * @param status the HTTP status
     * @param code the {@code error.code}
     * @param message the {@code error.message}
     * @param hint the {@code error.hint}, or null
     * @param outsideContract true when the request itself broke the contract (see the class description)
     */
    public ApiException(int status, String code, String message, String hint, boolean outsideContract) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.hint = hint;
        this.outsideContract = outsideContract;
    }

    /**
     * Creates an error answer without a hint, for a status the operation declares.
     *
     * @param status the HTTP status
     * @param code the {@code error.code}
     * @param message the {@code error.message}
     */
    public ApiException(int status, String code, String message) {
        this(status, code, message, null, false);
    }

    /**
     * Creates a 404 {@code not_found} answer.
     *
     * @param what the kind of resource, e.g. {@code Project}
     * @param id the id that was not found
     * @return the exception
     */
    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", what + " with the ID \"" + id + "\" was not found.");
    }

    /**
     * Creates a 409 {@code conflict} answer.
     *
     * @param message the {@code error.message}
     * @return the exception
     */
    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    /**
     * Creates a 403 {@code forbidden} answer.
     *
     * @param message the {@code error.message}
     * @return the exception
     */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    /**
     * Creates a 400 {@code bad_request} answer for a request the spec's schemas accept but that the service rejects;
     * 400 is not declared everywhere.
     *
     * @param message the {@code error.message}
     * @param declared whether the operation declares 400; when not, the answer is marked {@link #outsideContract()}
     * @return the exception
     */
    public static ApiException badRequest(String message, boolean declared) {
        return new ApiException(400, "bad_request", message, null, !declared);
    }

    /**
     * Creates a 422 {@code validation_error} answer.
     *
     * @param message the {@code error.message}
     * @return the exception
     */
    public static ApiException unprocessable(String message) {
        return new ApiException(422, "validation_error", message);
    }

    /**
     * Creates a 401 answer.
     *
     * @param code the {@code error.code}
     * @param message the {@code error.message}
     * @return the exception
     */
    public static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message);
    }

    /**
     * Adds a header to the error answer.
     *
     * @param name the header name
     * @param value the header value
     * @return this exception
     */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** @return the HTTP status of the error answer */
    public int status() {
        return status;
    }

    /** @return the {@code error.code} of the answer */
    public String code() {
        return code;
    }

    /** @return the {@code error.hint} of the answer, or null */
    public String hint() {
        return hint;
    }

    /** @return true when the request broke the contract, so an undeclared status is not a response violation */
    public boolean outsideContract() {
        return outsideContract;
    }

    /** @return the headers added to the error answer, modifiable, in the order they were added */
    public Map<String, String> headers() {
        return headers;
    }
}
