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

    private final int status;
    private final String code;
    private final String hint;
    private final boolean outsideContract;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String code, String message, String hint, boolean outsideContract) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.hint = hint;
        this.outsideContract = outsideContract;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, false);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", what + " with the ID \"" + id + "\" was not found.");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    /** A request the spec's schemas accept but that the service rejects; 400 is not declared everywhere. */
    public static ApiException badRequest(String message, boolean declared) {
        return new ApiException(400, "bad_request", message, null, !declared);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(422, "validation_error", message);
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message);
    }

    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String hint() {
        return hint;
    }

    public boolean outsideContract() {
        return outsideContract;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
