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

    public final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    public final Map<String, ServiceToken> serviceTokens = new LinkedHashMap<>();
    private final Map<String, String> serviceTokenIdByHash = new HashMap<>();
    public final Map<String, Project> projects = new LinkedHashMap<>();
    public final Map<String, Database> databases = new LinkedHashMap<>();
    public final Map<String, Connection> connections = new LinkedHashMap<>();
    public final Map<String, Backup> backups = new LinkedHashMap<>();
    public final Map<String, Bucket> buckets = new LinkedHashMap<>();
    public final Map<String, BucketKey> bucketKeys = new LinkedHashMap<>();

    public Store(Clock clock, Duration provisioningDelay, Duration restoreDelay) {
        this.clock = clock;
        this.provisioningDelay = provisioningDelay;
        this.restoreDelay = restoreDelay;
    }

    public Instant now() {
        return clock.instant();
    }

    public long nextSeq() {
        return seq.incrementAndGet();
    }

    public Duration provisioningDelay() {
        return provisioningDelay;
    }

    public void provisioningDelay(Duration delay) {
        this.provisioningDelay = delay;
    }

    public Duration restoreDelay() {
        return restoreDelay;
    }

    public void restoreDelay(Duration delay) {
        this.restoreDelay = delay;
    }

    // ---- workspaces and service tokens ---------------------------------------------------------------------------

    public synchronized Workspace addWorkspace(String id, String name, String planName) {
        Workspace w = new Workspace(id, nextSeq(), now(), name, planName);
        workspaces.put(id, w);
        return w;
    }

    /** A created service token together with its one-time value. */
    public record IssuedServiceToken(ServiceToken token, String value) {
    }

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

    public synchronized ServiceToken serviceTokenByValue(String value) {
        String id = serviceTokenIdByHash.get(sha256(value));
        return id == null ? null : serviceTokens.get(id);
    }

    public synchronized boolean removeServiceToken(String id) {
        ServiceToken t = serviceTokens.remove(id);
        if (t == null) {
            return false;
        }
        serviceTokenIdByHash.remove(t.valueHash);
        return true;
    }

    // ---- projects and what hangs off them ------------------------------------------------------------------------

    public Project newProject() {
        Project p = new Project(Ids.id("proj"), nextSeq(), now());
        String main = Ids.id("br");
        p.branches.put("main", main);
        p.defaultBranchId = main;
        projects.put(p.id, p);
        return p;
    }

    public Database newDatabase(String projectId) {
        Database d = new Database(Ids.id("db"), nextSeq(), now(), projectId);
        d.readyAt = d.createdAt.plus(provisioningDelay);
        databases.put(d.id, d);
        return d;
    }

    public Connection newConnection(String databaseId, String name, String kind) {
        Connection c = new Connection(Ids.id("con"), nextSeq(), now(), databaseId, name, kind);
        issueCredentials(c);
        connections.put(c.id, c);
        return c;
    }

    /** Gives the connection new credentials; the old ones stop being listed anywhere. */
    public void issueCredentials(Connection c) {
        c.user = Ids.hex(16);
        c.password = "sk_" + Ids.secret(32);
        c.apiKey = Ids.secret(64);
    }

    public Backup newBackup(String databaseId, Instant at, String type, String status) {
        long size = 8L * 1024 * 1024 + Math.floorMod((databaseId + at).hashCode(), 64 * 1024 * 1024);
        Backup b = new Backup(Ids.id("bkp"), nextSeq(), at, databaseId, type, size, status);
        backups.put(b.id, b);
        return b;
    }

    public Bucket newBucket(String projectId, String providerName) {
        Bucket b = new Bucket(Ids.id("bkt"), nextSeq(), now(), projectId, providerName);
        buckets.put(b.id, b);
        return b;
    }

    public BucketKey newBucketKey(String bucketId, String name, String role, String accessKeyId, String hint) {
        BucketKey k = new BucketKey(Ids.id("bkey"), nextSeq(), now(), bucketId, name, role, accessKeyId, hint);
        bucketKeys.put(k.id, k);
        return k;
    }

    /** Removes a database with its connections and backups. */
    public void removeDatabase(String databaseId) {
        databases.remove(databaseId);
        connections.values().removeIf(c -> c.databaseId.equals(databaseId));
        backups.values().removeIf(b -> b.databaseId.equals(databaseId));
    }

    public void removeBucket(String bucketId) {
        buckets.remove(bucketId);
        bucketKeys.values().removeIf(k -> k.bucketId.equals(bucketId));
    }

    // ---- lookups -------------------------------------------------------------------------------------------------

    public String workspaceOfDatabase(Database d) {
        Project p = projects.get(d.projectId);
        return p == null ? null : p.workspaceId;
    }

    public String workspaceOfConnection(Connection c) {
        Database d = databases.get(c.databaseId);
        return d == null ? null : workspaceOfDatabase(d);
    }

    public String workspaceOfBucket(Bucket b) {
        Project p = projects.get(b.projectId);
        return p == null ? null : p.workspaceId;
    }

    /** Values matching the filter, ordered by creation (sequence). */
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
