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
        /** The resource's id, such as {@code proj_...}. */
        public final String id;
        /** The sequence number that orders lists and that cursors point into. */
        public final long seq;
        /** When the resource was created. */
        public final Instant createdAt;

        Entity(String id, long seq, Instant createdAt) {
            this.id = id;
            this.seq = seq;
            this.createdAt = createdAt;
        }
    }

    /** A workspace. */
    public static final class Workspace extends Entity {
        /** The display name. */
        public String name;
        /** The subscription plan's name. */
        public String planName;
        /** The {@code usageBlocked} flag reads report. */
        public boolean usageBlocked;

        Workspace(String id, long seq, Instant createdAt, String name, String planName) {
            super(id, seq, createdAt);
            this.name = name;
            this.planName = planName;
        }
    }

    /** A service token; only a hash of its value is kept. */
    public static final class ServiceToken extends Entity {
        /** The workspace the token belongs to. */
        public final String workspaceId;
        /** The token's name. */
        public final String name;
        /** The hash of the token's value, by which a presented token is found. */
        public final String valueHash;
        /** The {@code valueHint} reads report instead of the value. */
        public final String valueHint;
        /** When the token stops being accepted, or null for never. */
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

    /** A project. */
    public static final class Project extends Entity {
        /** The workspace the project is in now. */
        public String workspaceId;
        /** The display name. */
        public String name;
        /** The {@code logicalId} given at creation, or null. */
        public String logicalId;
        /** The region of the project's default database. */
        public String defaultRegion;
        /** The project's settings JSON, or null. */
        public ObjectNode settings;
        /** Branches by git name; the default branch is {@code main}. */
        public final Map<String, String> branches = new LinkedHashMap<>();
        /** The id of the default branch. */
        public String defaultBranchId;

        Project(String id, long seq, Instant createdAt) {
            super(id, seq, createdAt);
        }
    }

    /** A database. */
    public static final class Database extends Entity {
        /** The project the database belongs to. */
        public final String projectId;
        /** The display name. */
        public String name;
        /** The region id, such as {@code us-east-1}. */
        public String regionId;
        /** Whether it is its project's default database. */
        public boolean isDefault;
        /** The id of the connection created with the database, or null. */
        public String defaultConnectionId;
        /** {@code DatabaseSource} JSON, or null. */
        public ObjectNode source;
        /** The id of the branch the database is on. */
        public String branchId;
        /** The {@code logicalId} given at creation or update, or null. */
        public String logicalId;
        /** Until when the database reports {@code provisioning}, or null. */
        public Instant readyAt;
        /** Until when the database reports {@code recovering} after a restore, or null. */
        public Instant recoveringUntil;
        /** Whether the database reports {@code failure}. */
        public boolean failed;

        Database(String id, long seq, Instant createdAt, String projectId) {
            super(id, seq, createdAt);
            this.projectId = projectId;
        }

        /**
         * Returns the status a read reports at a given time.
         *
         * @param now the time of the read
         * @return {@code failure}, {@code provisioning}, {@code recovering} or {@code ready}
         */
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

    /** A connection of a database and its current credentials. */
    public static final class Connection extends Entity {
        /** The database the connection belongs to. */
        public final String databaseId;
        /** The connection's name. */
        public final String name;
        /** The kind of connection, such as {@code postgres}. */
        public final String kind;
        /** The current database user name. */
        public String user;
        /** The current password. */
        public String password;
        /** The current API key. */
        public String apiKey;
        /** How often the credentials were rotated. */
        public int rotations;

        Connection(String id, long seq, Instant createdAt, String databaseId, String name, String kind) {
            super(id, seq, createdAt);
            this.databaseId = databaseId;
            this.name = name;
            this.kind = kind;
        }
    }

    /** A backup of a database. */
    public static final class Backup extends Entity {
        /** The database the backup belongs to. */
        public final String databaseId;
        /** The backup type reads report. */
        public final String backupType;
        /** The size in bytes reads report. */
        public final long size;
        /** The backup's status. */
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

    /** A storage bucket of a project. */
    public static final class Bucket extends Entity {
        /** The project the bucket belongs to. */
        public final String projectId;
        /** The bucket's name at the storage provider. */
        public final String providerName;
        /** The display name. */
        public String name;
        /** The bucket's status. */
        public String status;
        /** The id of the branch the bucket is on. */
        public String branchId;
        /** The {@code logicalId} given at creation or update, or null. */
        public String logicalId;

        Bucket(String id, long seq, Instant createdAt, String projectId, String providerName) {
            super(id, seq, createdAt);
            this.projectId = projectId;
            this.providerName = providerName;
        }
    }

    /** An access key of a bucket; only a hint of its secret is kept. */
    public static final class BucketKey extends Entity {
        /** The bucket the key belongs to. */
        public final String bucketId;
        /** The key's name. */
        public final String name;
        /** The key's role. */
        public final String role;
        /** The access key id. */
        public final String accessKeyId;
        /** The {@code valueHint} reads report instead of the secret. */
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
