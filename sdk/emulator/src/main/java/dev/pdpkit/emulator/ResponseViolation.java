package dev.pdpkit.emulator;

import java.time.Instant;
import java.util.List;

/**
 * A response the emulator built that does not conform to the OpenAPI document. The emulator sent a 500 with error code
 * {@code emulator_response_invalid} instead of it. Tests assert {@link PrismaEmulator#responseViolations()} is empty.
 *
 * @param at when it happened
 * @param operationId the operation
 * @param method the request method
 * @param path the request path
 * @param status the status the emulator meant to send
 * @param errors the validator's messages
 * @param body the body the emulator meant to send
 */
public record ResponseViolation(Instant at, String operationId, String method, String path, int status,
                                List<String> errors, String body) {
    /**
     * Copies the error messages.
     *
     * @param at when it happened
     * @param operationId the operation
     * @param method the request method
     * @param path the request path
     * @param status the status the emulator meant to send
     * @param errors the validator's messages
     * @param body the body the emulator meant to send
     */
    public ResponseViolation {
        errors = List.copyOf(errors);
    }
}
