package dev.pdpkit.emulator;

import dev.pdpkit.emulator.api.ApiException;
import dev.pdpkit.emulator.api.Json;
import dev.pdpkit.emulator.api.Result;
import dev.pdpkit.emulator.api.SpecValidator;
import dev.pdpkit.emulator.internal.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks requests and answers against the OpenAPI document. Members and query parameters the document does not
 * know are let through when {@code acceptUnknown} is on, as a forward-compatible service does.
 */
final class ApiValidation {
    private static final Logger LOG = LoggerFactory.getLogger(ApiValidation.class);
    /** Messages about members and parameters the document does not describe. */
    private static final List<String> UNKNOWN_KEYS = List.of("validation.request.body.schema.additionalProperties",
            "validation.request.parameter.query.unexpected");

    private final boolean requests;
    private final boolean responses;
    private final boolean acceptUnknown;
    private final List<ResponseViolation> violations = new CopyOnWriteArrayList<>();

    ApiValidation(boolean requests, boolean responses, boolean acceptUnknown) {
        this.requests = requests;
        this.responses = responses;
        this.acceptUnknown = acceptUnknown;
    }

    /** @throws ApiException 400 (or 422 where the operation declares only that) when the request does not conform */
    void checkRequest(String operationId, HttpRequest req, Map<String, List<String>> query, String body) {
        if (!requests) {
            return;
        }
        SpecValidator spec = SpecValidator.get();
        List<String> errors;
        try {
            errors = spec.validateRequest(req.method(), req.path(), query, req.headers(), body);
        } catch (RuntimeException | Error e) {
            // The validator gives up on some malformed input (a header it cannot parse; a value of the wrong type
            // where a discriminated oneOf is expected overflows its schema cache's stack): still the client's mistake.
            rethrowIfFatal(e);
            LOG.debug("request validator failed on {} {}", req.method(), req.path(), e);
            errors = new java.util.ArrayList<>(List.of("validation.request: the request cannot be checked ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
        if (acceptUnknown) {
            errors.removeIf(e -> UNKNOWN_KEYS.stream().anyMatch(e::startsWith));
        }
        if (!errors.isEmpty()) {
            int status = spec.invalidRequestStatus(operationId);
            boolean declared = spec.declaredStatuses(operationId).contains(status);
            throw new ApiException(status, "validation_error",
                    "The request does not match the API schema: " + String.join("; ", errors),
                    "See the OpenAPI document of the Management API for the expected shape.", !declared);
        }
    }

    /** Lets errors of the JVM itself through; a stack overflow inside the validator is not one of them. */
    static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    /** @return the violation (also recorded and logged), or null when the answer conforms or is not checked */
    ResponseViolation checkResponse(Instant at, String operationId, String method, String path, Result result) {
        if (!responses) {
            return null;
        }
        String text = result.body() == null ? null : new String(Json.bytes(result.body()), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(result.headers());
        if (result.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        List<String> errors = SpecValidator.get().validateResponse(method, path, result.status(), headers, text);
        if (errors.isEmpty()) {
            return null;
        }
        ResponseViolation v = new ResponseViolation(at, operationId, method, path, result.status(), errors, text);
        violations.add(v);
        LOG.error("emulator response violates the OpenAPI document: {}", v);
        return v;
    }

    List<ResponseViolation> violations() {
        return Collections.unmodifiableList(violations);
    }

    void clear() {
        violations.clear();
    }
}
