package dev.pdpkit.emulator.api;

import dev.pdpkit.emulator.api.Model.Backup;
import dev.pdpkit.emulator.api.Model.Bucket;
import dev.pdpkit.emulator.api.Model.BucketKey;
import dev.pdpkit.emulator.api.Model.Connection;
import dev.pdpkit.emulator.api.Model.Database;
import dev.pdpkit.emulator.api.Model.Entity;
import dev.pdpkit.emulator.api.Model.Project;
import dev.pdpkit.emulator.api.Model.ServiceToken;
import dev.pdpkit.emulator.api.Model.Workspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * All state of the emulated Management API. Callers synchronize on the store for every read and change; one request
 * handler runs at a time under it, which is cheap for an in-memory map and makes each operation atomic.
 */
public final class Store {
    private final AtomicLong seq = new AtomicLong();
    private final Clock clock;
    private volatile Duration provisioningDelay;
    private volatile Duration restoreDelay;

    /** Workspaces by id. */
    public final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    /** Service tokens by id. */
    public final Map<String, ServiceToken> serviceTokens = new LinkedHashMap<>();
    private final Map<String, String> serviceTokenIdByHash = new HashMap<>();
    /** Projects by id. */
    public final Map<String, Project> projects = new LinkedHashMap<>();
    /** Databases by id. */
    public final Map<String, Database> databases = new LinkedHashMap<>();
    /** Connections by id. */
    public final Map<String, Connection> connections = new LinkedHashMap<>();
    /** Backups by id. */
    public final Map<String, Backup> backups = new LinkedHashMap<>();
    /** Buckets by id. */
    public final Map<String, Bucket> buckets = new LinkedHashMap<>();
    /** Bucket keys by id. */
    public final Map<String, BucketKey> bucketKeys = new LinkedHashMap<>();

    /**
     * Creates an empty store.
     *
     * @param clock the time source for timestamps and provisioning
     * @param provisioningDelay how long new databases stay {@code provisioning}
     * @param restoreDelay how long restored databases stay {@code recovering}
     */
    public Store(Clock clock, Duration provisioningDelay, Duration restoreDelay) {
        this.clock = clock;
        this.provisioningDelay = provisioningDelay;
        this.restoreDelay = restoreDelay;
    }

    /** @return the current time of the store's clock */
    public Instant now() {
        return clock.instant();
    }

    /** @return the next sequence number for a new resource */
    public long nextSeq() {
        return seq.incrementAndGet();
    }

    /** @return how long new databases stay {@code provisioning} */
    public Duration provisioningDelay() {
        return provisioningDelay;
    }

    /**
     * Changes how long new databases stay {@code provisioning}.
     *
     * @param delay the new delay
     */
    public void provisioningDelay(Duration delay) {
        this.provisioningDelay = delay;
    }

    /** @return how long restored databases stay {@code recovering} */
    public Duration restoreDelay() {
        return restoreDelay;
    }

    /**
     * Changes how long restored databases stay {@code recovering}.
     *
     * @param delay the new delay
     */
    public void restoreDelay(Duration delay) {
        this.restoreDelay = delay;
    }

    // ---- workspaces and service tokens ---------------------------------------------------------------------------

    /**
     * Adds a workspace.
     *
     * @param id the workspace id
     * @param name the display name
     * @param planName the subscription plan's name
     * @return the new workspace
     */
    public synchronized Workspace addWorkspace(String id, String name, String planName) {
        Workspace w = new Workspace(id, nextSeq(), now(), name, planName);
        workspaces.put(id, w);
        return w;
    }

    /**
     * A created service token together with its one-time value.
     *
     * @param token the stored token
     * @param value the token's value, shown only once
     */
    public record IssuedServiceToken(ServiceToken token, String value) {
    }

    /**
     * Adds a service token; only the hash of its value is stored.
     *
     * @param workspaceId the workspace it belongs to
     * @param name the token's name
     * @param fixedValue the token's value, or null for a random one
     * @param expiresAt when it stops being accepted, or null for never
     * @return the token with its one-time value
     * @throws IllegalArgumentException if a token with this value already exists
     */
    public synchronized IssuedServiceToken addServiceToken(String workspaceId, String name, String fixedValue,
                                                           Instant expiresAt) {
        String value = fixedValue != null ? fixedValue : "pst_" + Ids.secret(48);
        String hash = sha256(value);
        if (serviceTokenIdByHash.containsKey(hash)) {
            throw new IllegalArgumentException("a service token with this value already exists");
        }
        String hint = value.length() > 12 ? value.substring(0, 4) + "…" + value.substring(value.length() - 4) : "…";
        ServiceToken t = new ServiceToken(Ids.id("st"), nextSeq(), now(), workspaceId, name, hash, hint, expiresAt);
        serviceTokens.put(t.id, t);
        serviceTokenIdByHash.put(hash, t.id);
        return new IssuedServiceToken(t, value);
    }

    /**
     * Finds the service token with a value.
     *
     * @param value the presented token value
     * @return the token, or null when none has this value
     */
    public synchronized ServiceToken serviceTokenByValue(String value) {
        String id = serviceTokenIdByHash.get(sha256(value));
        return id == null ? null : serviceTokens.get(id);
    }

    /**
     * Removes a service token; its value stops being accepted.
     *
     * @param id the token id
     * @return false if there was no such token
     */
    public synchronized boolean removeServiceToken(String id) {
        ServiceToken t = serviceTokens.remove(id);
        if (t == null) {
            return false;
        }
        serviceTokenIdByHash.remove(t.valueHash);
        return true;
    }

    // ---- projects and what hangs off them ------------------------------------------------------------------------

    /**
     * Adds a project with a {@code main} branch as its default branch.
     *
     * @return the new project, for the caller to fill in
     */
    public Project newProject() {
        Project p = new Project(Ids.id("proj"), nextSeq(), now());
        String main = Ids.id("br");
        p.branches.put("main", main);
        p.defaultBranchId = main;
        projects.put(p.id, p);
        return p;
    }

    /**
     * Adds a database that is {@code provisioning} for the current provisioning delay.
     *
     * @param projectId the project it belongs to
     * @return the new database, for the caller to fill in
     */
    public Database newDatabase(String projectId) {
        Database d = new Database(Ids.id("db"), nextSeq(), now(), projectId);
        d.readyAt = d.createdAt.plus(provisioningDelay);
        databases.put(d.id, d);
        return d;
    }

    /**
     * Adds a connection with fresh credentials.
     *
     * @param databaseId the database it belongs to
     * @param name the connection's name
     * @param kind the kind of connection, such as {@code postgres}
     * @return the new connection
     */
    public Connection newConnection(String databaseId, String name, String kind) {
        Connection c = new Connection(Ids.id("con"), nextSeq(), now(), databaseId, name, kind);
        issueCredentials(c);
        connections.put(c.id, c);
        return c;
    }

    /**
     * Gives the connection new credentials; the old ones stop being listed anywhere.
     *
     * @param c the connection
     */
    public void issueCredentials(Connection c) {
        c.user = Ids.hex(16);
        c.password = "sk_" + Ids.secret(32);
        c.apiKey = Ids.secret(64);
    }

    /**
     * Adds a backup dated {@code at}, with a plausible size derived from the database and the date.
     *
     * @param databaseId the database it belongs to
     * @param at the backup's point in time
     * @param type the backup type
     * @param status the backup's status
     * @return the new backup
     */
    public Backup newBackup(String databaseId, Instant at, String type, String status) {
        long size = 8L * 1024 * 1024 + Math.floorMod((databaseId + at).hashCode(), 64 * 1024 * 1024);
        Backup b = new Backup(Ids.id("bkp"), nextSeq(), at, databaseId, type, size, status);
        backups.put(b.id, b);
        return b;
    }

    /**
     * Adds a bucket.
     *
     * @param projectId the project it belongs to
     * @param providerName the bucket's name at the storage provider
     * @return the new bucket, for the caller to fill in
     */
    public Bucket newBucket(String projectId, String providerName) {
        Bucket b = new Bucket(Ids.id("bkt"), nextSeq(), now(), projectId, providerName);
        buckets.put(b.id, b);
        return b;
    }

    /**
     * Adds a bucket key.
     *
     * @param bucketId the bucket it belongs to
     * @param name the key's name
     * @param role the key's role
     * @param accessKeyId the access key id
     * @param hint the hint shown instead of the secret
     * @return the new key
     */
    public BucketKey newBucketKey(String bucketId, String name, String role, String accessKeyId, String hint) {
        BucketKey k = new BucketKey(Ids.id("bkey"), nextSeq(), now(), bucketId, name, role, accessKeyId, hint);
        bucketKeys.put(k.id, k);
        return k;
    }

    /**
     * Removes a database with its connections and backups.
     *
     * @param databaseId the database's id
     */
    public void removeDatabase(String databaseId) {
        databases.remove(databaseId);
        connections.values().removeIf(c -> c.databaseId.equals(databaseId));
        backups.values().removeIf(b -> b.databaseId.equals(databaseId));
    }

    /**
     * Removes a bucket with its keys.
     *
     * @param bucketId the bucket's id
     */
    public void removeBucket(String bucketId) {
        buckets.remove(bucketId);
        bucketKeys.values().removeIf(k -> k.bucketId.equals(bucketId));
    }

    // ---- lookups -------------------------------------------------------------------------------------------------

    /**
     * Returns the workspace of a database.
     *
     * @param d the database
     * @return the workspace id, or null when its project is gone
     */
    public String workspaceOfDatabase(Database d) {
        Project p = projects.get(d.projectId);
        return p == null ? null : p.workspaceId;
    }

    /**
     * Returns the workspace of a connection.
     *
     * @param c the connection
     * @return the workspace id, or null when its database or project is gone
     */
    public String workspaceOfConnection(Connection c) {
        Database d = databases.get(c.databaseId);
        return d == null ? null : workspaceOfDatabase(d);
    }

    /**
     * Returns the workspace of a bucket.
     *
     * @param b the bucket
     * @return the workspace id, or null when its project is gone
     */
    public String workspaceOfBucket(Bucket b) {
        Project p = projects.get(b.projectId);
        return p == null ? null : p.workspaceId;
    }

    /**
     * Values matching the filter, ordered by creation (sequence).
     *
     * @param <T> the resource type
     * @param map the resources by id
     * @param filter which resources to keep
     * @return the matching resources, oldest first
     */
    public static <T extends Entity> List<T> select(Map<String, T> map, Predicate<? super T> filter) {
        List<T> out = new ArrayList<>();
        for (T t : map.values()) {
            if (filter.test(t)) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparingLong(e -> e.seq));
        return out;
    }

    static String sha256(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
