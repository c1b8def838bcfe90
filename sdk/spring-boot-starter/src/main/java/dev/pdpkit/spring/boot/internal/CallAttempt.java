package dev.pdpkit.spring.boot.internal;

import java.time.Duration;

/**
 * One HTTP attempt of an API call, as the metrics see it.
 *
 * @param operation the spec's operation id, or {@code METHOD /path/template} when the id is not known
 * @param method the HTTP method
 * @param pathTemplate the path with placeholders, for example {@code /v1/projects/{id}}
 * @param attempt 1 for the first attempt
 * @param status the HTTP status, or -1 when no response arrived
 * @param failure the simple name of the exception when no response arrived, else null
 * @param duration how long the attempt took
 * @param willRetry true when another attempt follows
 */
public record CallAttempt(String operation, String method, String pathTemplate, int attempt, int status,
                          String failure, Duration duration, boolean willRetry) {

    /** @return {@code 2xx} ... {@code 5xx}, or {@code IO} when no response arrived */
    public String statusClass() {
        return status < 0 ? "IO" : (status / 100) + "xx";
    }

    /** @return SUCCESS, CLIENT_ERROR, SERVER_ERROR or NETWORK_ERROR */
    public String outcome() {
        if (status < 0) {
            return "NETWORK_ERROR";
        }
        if (status < 400) {
            return "SUCCESS";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }
}
