package dev.pdpkit.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the API half received, as a test can inspect it afterwards ({@link PrismaEmulator#requests()}).
 * The {@code Authorization} header is redacted to its last four characters.
 *
 * @param at when it arrived
 * @param requestId the {@code x-request-id} the emulator answered with
 * @param method the method
 * @param path the decoded path
 * @param query the raw query string, or null
 * @param operationId the matched operation, or null for an unknown path
 * @param headers request headers (names in lower case)
 * @param body the body as text ("" when none)
 * @param status the status answered, or -1 when the connection was dropped
 * @param credentialType {@code service_token}, {@code oauth}, or null when not authenticated
 * @param workspaceId the caller's workspace, or null
 * @param fault the fault rule applied, or null
 */
public record RecordedRequest(Instant at, String requestId, String method, String path, String query,
                              String operationId, Map<String, List<String>> headers, String body, int status,
                              String credentialType, String workspaceId, String fault) {

    /**
     * @param name the header name, any case
     * @return the first value of a header (case-insensitive name), or null
     */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
