package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as a handler sees it.
 *
 * @param operationId the spec's operationId
 * @param principal the authenticated caller
 * @param pathParams path template variables
 * @param query decoded query parameters
 * @param body the JSON body; an empty object when none was sent
 * @param now the time the request is handled at
 */
public record Call(String operationId, Principal principal, Map<String, String> pathParams,
                   Map<String, List<String>> query, JsonNode body, Instant now) {

    /**
     * Returns a path template variable.
     *
     * @param name the variable's name in the template, e.g. {@code id}
     * @return its value, or null when the template has no such variable
     */
    public String path(String name) {
        return pathParams.get(name);
    }

    /**
     * Returns the first value of a query parameter.
     *
     * @param name the parameter name
     * @return the first value, or null when the parameter is absent
     */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the only workspace the authenticated credential sees */
    public String workspaceId() {
        return principal.workspaceId();
    }
}
