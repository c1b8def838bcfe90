package dev.pdpkit.emulator.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters a test can read: requests per operation and per status, faults injected, and resource events such as
 * {@code projects.created}. Thread-safe; {@link #reset()} sets everything back to zero.
 */
public final class ApiStats {
    /** Event name: a project was created. */
    public static final String PROJECTS_CREATED = "projects.created";
    /** Event name: a project was deleted. */
    public static final String PROJECTS_DELETED = "projects.deleted";
    /** Event name: a project was transferred to another workspace. */
    public static final String PROJECTS_TRANSFERRED = "projects.transferred";
    /** Event name: a database was created. */
    public static final String DATABASES_CREATED = "databases.created";
    /** Event name: a database was deleted. */
    public static final String DATABASES_DELETED = "databases.deleted";
    /** Event name: a database was restored from a backup. */
    public static final String DATABASES_RESTORED = "databases.restored";
    /** Event name: a connection was created. */
    public static final String CONNECTIONS_CREATED = "connections.created";
    /** Event name: a connection's credentials were rotated. */
    public static final String CONNECTIONS_ROTATED = "connections.rotated";
    /** Event name: a connection was deleted. */
    public static final String CONNECTIONS_DELETED = "connections.deleted";
    /** Event name: a service token was created. */
    public static final String SERVICE_TOKENS_CREATED = "serviceTokens.created";
    /** Event name: a service token was deleted. */
    public static final String SERVICE_TOKENS_DELETED = "serviceTokens.deleted";
    /** Event name: a bucket was created. */
    public static final String BUCKETS_CREATED = "buckets.created";
    /** Event name: a bucket key was created. */
    public static final String BUCKET_KEYS_CREATED = "bucketKeys.created";
    /** Event name: an integration was revoked. */
    public static final String INTEGRATIONS_REVOKED = "integrations.revoked";
    /** Event name: a scripted fault or the scripted rate limit was applied to a request (API or auth endpoint). */
    public static final String FAULTS_INJECTED = "faults.injected";
    /** Event name: a request was rejected with 401 by authentication. */
    public static final String UNAUTHORIZED = "requests.unauthorized";
    /**
     * Event name: a request was rejected before its operation ran, by authentication with another status than 401 or
     * by request validation.
     */
    public static final String INVALID_REQUESTS = "requests.invalid";

    private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    /**
     * Counts a request received by the API half.
     *
     * @param operationId the operation it was routed to, or null for an unknown path
     */
    public void request(String operationId) {
        total.incrementAndGet();
        if (operationId != null) {
            byOperation.computeIfAbsent(operationId, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * Counts a response sent.
     *
     * @param status the response's HTTP status
     */
    public void status(int status) {
        byStatus.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Counts one occurrence of an event.
     *
     * @param name the event name, one of the constants of this class
     */
    public void event(String name) {
        events.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Returns how many requests were received for an operation, answered or not.
     *
     * @param operationId the operation, e.g. {@code postV1Projects}
     * @return requests received for the operation
     */
    public long requests(String operationId) {
        AtomicLong n = byOperation.get(operationId);
        return n == null ? 0 : n.get();
    }

    /** @return every request the API half received, including unknown paths */
    public long totalRequests() {
        return total.get();
    }

    /**
     * Returns how many responses were sent with a status; dropped connections are not counted.
     *
     * @param status an HTTP status
     * @return responses sent with this status
     */
    public long responses(int status) {
        AtomicLong n = byStatus.get(status);
        return n == null ? 0 : n.get();
    }

    /**
     * Returns how often an event happened.
     *
     * @param event the event name, e.g. {@link #PROJECTS_CREATED}
     * @return how often the named event happened
     */
    public long count(String event) {
        AtomicLong n = events.get(event);
        return n == null ? 0 : n.get();
    }

    /** @return how many projects were created, the same as {@code count(PROJECTS_CREATED)} */
    public long projectsCreated() {
        return count(PROJECTS_CREATED);
    }

    /** @return how many databases were created, the same as {@code count(DATABASES_CREATED)} */
    public long databasesCreated() {
        return count(DATABASES_CREATED);
    }

    /** @return how many connections were created, the same as {@code count(CONNECTIONS_CREATED)} */
    public long connectionsCreated() {
        return count(CONNECTIONS_CREATED);
    }

    /** @return how many faults were applied, the same as {@code count(FAULTS_INJECTED)} */
    public long faultsInjected() {
        return count(FAULTS_INJECTED);
    }

    /** @return requests per operationId, sorted by name */
    public Map<String, Long> requestsByOperation() {
        Map<String, Long> out = new TreeMap<>();
        byOperation.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** @return event counts, sorted by name */
    public Map<String, Long> events() {
        Map<String, Long> out = new TreeMap<>();
        events.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Sets every counter back to zero. */
    public void reset() {
        byOperation.clear();
        byStatus.clear();
        events.clear();
        total.set(0);
    }

    @Override
    public String toString() {
        return "ApiStats[total=" + total + ", byOperation=" + requestsByOperation() + ", events=" + events() + "]";
    }
}
