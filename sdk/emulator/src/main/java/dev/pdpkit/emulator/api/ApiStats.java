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
    /** Event names counted by the handlers. */
    public static final String PROJECTS_CREATED = "projects.created";
    public static final String PROJECTS_DELETED = "projects.deleted";
    public static final String PROJECTS_TRANSFERRED = "projects.transferred";
    public static final String DATABASES_CREATED = "databases.created";
    public static final String DATABASES_DELETED = "databases.deleted";
    public static final String DATABASES_RESTORED = "databases.restored";
    public static final String CONNECTIONS_CREATED = "connections.created";
    public static final String CONNECTIONS_ROTATED = "connections.rotated";
    public static final String CONNECTIONS_DELETED = "connections.deleted";
    public static final String SERVICE_TOKENS_CREATED = "serviceTokens.created";
    public static final String SERVICE_TOKENS_DELETED = "serviceTokens.deleted";
    public static final String BUCKETS_CREATED = "buckets.created";
    public static final String BUCKET_KEYS_CREATED = "bucketKeys.created";
    public static final String INTEGRATIONS_REVOKED = "integrations.revoked";
    public static final String FAULTS_INJECTED = "faults.injected";
    public static final String UNAUTHORIZED = "requests.unauthorized";
    public static final String INVALID_REQUESTS = "requests.invalid";

    private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    public void request(String operationId) {
        total.incrementAndGet();
        if (operationId != null) {
            byOperation.computeIfAbsent(operationId, k -> new AtomicLong()).incrementAndGet();
        }
    }

    public void status(int status) {
        byStatus.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    public void event(String name) {
        events.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    /** @return requests received for the operation (by operationId, e.g. {@code postV1Projects}), answered or not */
    public long requests(String operationId) {
        AtomicLong n = byOperation.get(operationId);
        return n == null ? 0 : n.get();
    }

    /** @return every request the API half received, including unknown paths */
    public long totalRequests() {
        return total.get();
    }

    /** @return responses sent with this status (dropped connections are not counted) */
    public long responses(int status) {
        AtomicLong n = byStatus.get(status);
        return n == null ? 0 : n.get();
    }

    /** @return how often the named event happened, e.g. {@link #PROJECTS_CREATED} */
    public long count(String event) {
        AtomicLong n = events.get(event);
        return n == null ? 0 : n.get();
    }

    public long projectsCreated() {
        return count(PROJECTS_CREATED);
    }

    public long databasesCreated() {
        return count(DATABASES_CREATED);
    }

    public long connectionsCreated() {
        return count(CONNECTIONS_CREATED);
    }

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
