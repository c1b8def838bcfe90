package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's in-memory resources. Instances are mutable and only touched while holding the {@link Store}'s
 * monitor. Every resource carries a sequence number from one counter: lists are ordered by it and cursors point into
 * that order, which keeps paging stable while other requests insert or delete.
 */
public final class Model {
    private Model() {
    }

    /** Common fields. */
    public abstract static class Entity {
        public final String id;
        public final long seq;
        public final Instant createdAt;

        Entity(String id, long seq, Instant createdAt) {
            this.id = id;
            this.seq = seq;
            this.createdAt = createdAt;
        }
    }

    public static final class Workspace extends Entity {
        public String name;
        public String planName;
        public boolean usageBlocked;

        Workspace(String id, long seq, Instant createdAt, String name, String planName) {
            super(id, seq, createdAt);
            this.name = name;
            this.planName = planName;
        }
    }

    public static final class ServiceToken extends Entity {
        public final String workspaceId;
        public final String name;
        public final String valueHash;
        public final String valueHint;
        public final Instant expiresAt;

        ServiceToken(String id, long seq, Instant createdAt, String workspaceId, String name, String valueHash,
                     String valueHint, Instant expiresAt) {
            super(id, seq, createdAt);
            this.workspaceId = workspaceId;
            this.name = name;
            this.valueHash = valueHash;
            this.valueHint = valueHint;
            this.expiresAt = expiresAt;
        }
    }

    public static final class Project extends Entity {
        public String workspaceId;
        public String name;
        public String logicalId;
        public String defaultRegion;
        public ObjectNode settings;
        /** Branches by git name; the default branch is {@code main}. */
        public final Map<String, String> branches = new LinkedHashMap<>();
        public String defaultBranchId;

        Project(String id, long seq, Instant createdAt) {
            super(id, seq, createdAt);
        }
    }

    public static final class Database extends Entity {
        public final String projectId;
        public String name;
        public String regionId;
        public boolean isDefault;
        public String defaultConnectionId;
        /** {@code DatabaseSource} JSON, or null. */
        public ObjectNode source;
        public String branchId;
        public String logicalId;
        public Instant readyAt;
        public Instant recoveringUntil;
        public boolean failed;

        Database(String id, long seq, Instant createdAt, String projectId) {
            super(id, seq, createdAt);
            this.projectId = projectId;
        }

        public String status(Instant now) {
            if (failed) {
                return "failure";
            }
            if (readyAt != null && now.isBefore(readyAt)) {
                return "provisioning";
            }
            if (recoveringUntil != null && now.isBefore(recoveringUntil)) {
                return "recovering";
            }
            return "ready";
        }
    }

    public static final class Connection extends Entity {
        public final String databaseId;
        public final String name;
        public final String kind;
        public String user;
        public String password;
        public String apiKey;
        public int rotations;

        Connection(String id, long seq, Instant createdAt, String databaseId, String name, String kind) {
            super(id, seq, createdAt);
            this.databaseId = databaseId;
            this.name = name;
            this.kind = kind;
        }
    }

    public static final class Backup extends Entity {
        public final String databaseId;
        public final String backupType;
        public final long size;
        public String status;

        Backup(String id, long seq, Instant createdAt, String databaseId, String backupType, long size,
               String status) {
            super(id, seq, createdAt);
            this.databaseId = databaseId;
            this.backupType = backupType;
            this.size = size;
            this.status = status;
        }
    }

    public static final class Bucket extends Entity {
        public final String projectId;
        public final String providerName;
        public String name;
        public String status;
        public String branchId;
        public String logicalId;

        Bucket(String id, long seq, Instant createdAt, String projectId, String providerName) {
            super(id, seq, createdAt);
            this.projectId = projectId;
            this.providerName = providerName;
        }
    }

    public static final class BucketKey extends Entity {
        public final String bucketId;
        public final String name;
        public final String role;
        public final String accessKeyId;
        public final String valueHint;

        BucketKey(String id, long seq, Instant createdAt, String bucketId, String name, String role,
                  String accessKeyId, String valueHint) {
            super(id, seq, createdAt);
            this.bucketId = bucketId;
            this.name = name;
            this.role = role;
            this.accessKeyId = accessKeyId;
            this.valueHint = valueHint;
        }
    }
}
