package dev.pdpkit.emulator.internal.http;

/**
 * A request the server cannot hand to a handler, or a body it cannot deliver: the status and error code to answer
 * with. Always a 4xx: these are the client's mistakes.
 */
public final class HttpFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public HttpFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static HttpFailure badRequest(String code, String message) {
        return new HttpFailure(400, code, message);
    }
}
