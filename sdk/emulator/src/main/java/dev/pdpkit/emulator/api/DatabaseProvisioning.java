package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Backup;
import dev.pdpkit.emulator.api.Model.Connection;
import dev.pdpkit.emulator.api.Model.Database;
import dev.pdpkit.emulator.api.Model.Project;
import java.util.Objects;

/** Creating databases: region, branch and source resolution, and the first connection and backup. */
final class DatabaseProvisioning {
    private final Store store;
    private final ApiStats stats;

    DatabaseProvisioning(ApiContext ctx) {
        this.store = ctx.store();
        this.stats = ctx.stats();
    }

    private boolean visibleDatabase(Call call, Database d) {
        return call.workspaceId().equals(store.workspaceOfDatabase(d));
    }

    /** Creates a database with its first connection and first backup. */
    Database provisionDatabase(Project p, String name, String regionId, boolean makeDefault,
                                       ObjectNode source, String branchId, String logicalId) {
        boolean hasDefault = store.databases.values().stream()
                .anyMatch(d -> d.projectId.equals(p.id) && d.isDefault);
        Database d = store.newDatabase(p.id);
        d.name = name;
        d.regionId = regionId;
        d.source = source;
        d.branchId = branchId;
        d.logicalId = logicalId;
        if (makeDefault || !hasDefault) {
            for (Database other : store.databases.values()) {
                if (other.projectId.equals(p.id)) {
                    other.isDefault = false;
                }
            }
            d.isDefault = true;
        }
        Connection c = store.newConnection(d.id, "default", "postgres");
        d.defaultConnectionId = c.id;
        store.newBackup(d.id, d.createdAt, "full", "completed");
        stats.event(ApiStats.DATABASES_CREATED);
        stats.event(ApiStats.CONNECTIONS_CREATED);
        return d;
    }

    /**
     * Resolves a {@code DatabaseSource} (or the legacy {@code fromDatabase}) of a create request into the source
     * JSON to store; the referenced database and backup must exist and be visible.
     */
    ObjectNode resolveSource(Call call, JsonNode source, JsonNode fromDatabase) {
        if ((source == null || source.isNull()) && fromDatabase != null && !fromDatabase.isNull()) {
            String id = Json.text(fromDatabase, "id");
            String backupId = Json.text(fromDatabase, "backupId");
            ObjectNode s = Json.object();
            s.put("type", backupId == null ? "database" : "backup");
            s.put("databaseId", id);
            if (backupId != null) {
                s.put("backupId", backupId);
            }
            source = s;
        }
        if (source == null || source.isNull()) {
            ObjectNode empty = Json.object();
            empty.put("type", "empty");
            return empty;
        }
        String type = Json.text(source, "type");
        if ("empty".equals(type)) {
            ObjectNode empty = Json.object();
            empty.put("type", "empty");
            return empty;
        }
        String dbId = Json.text(source, "databaseId");
        Database from = dbId == null ? null : store.databases.get(dbId);
        if (from == null || !visibleDatabase(call, from)) {
            throw ApiException.badRequest("Source database \"" + dbId + "\" was not found.", true);
        }
        if ("database".equals(type)) {
            ObjectNode s = Json.object();
            s.put("type", "database");
            s.put("databaseId", dbId);
            return s;
        }
        if ("backup".equals(type)) {
            String backupId = Json.text(source, "backupId");
            Backup b = backupId == null ? null : store.backups.get(backupId);
            if (b == null || !b.databaseId.equals(dbId)) {
                throw ApiException.badRequest("Backup \"" + backupId + "\" of database \"" + dbId
                        + "\" was not found.", true);
            }
            if (!"completed".equals(b.status)) {
                throw ApiException.badRequest("Backup \"" + backupId + "\" is not completed.", true);
            }
            return backupSource(dbId, backupId);
        }
        throw ApiException.badRequest("Unknown source type \"" + type + "\".", true);
    }

    ObjectNode backupSource(String databaseId, String backupId) {
        ObjectNode s = Json.object();
        s.put("type", "backup");
        s.put("databaseId", databaseId);
        s.put("backupId", backupId);
        return s;
    }

    String regionFor(Project p, String requested) {
        if (requested == null) {
            return Regions.DEFAULT;
        }
        if ("inherit".equals(requested)) {
            if (p.defaultRegion != null) {
                return p.defaultRegion;
            }
            return Store.select(store.databases, d -> d.projectId.equals(p.id) && d.isDefault).stream()
                    .map(d -> d.regionId).filter(Objects::nonNull).findFirst().orElse(Regions.DEFAULT);
        }
        return requested;
    }

    void checkDatabaseLogicalId(Database self, String projectId, String branchId, String logicalId) {
        if (logicalId == null) {
            return;
        }
        for (Database d : store.databases.values()) {
            if (d != self && d.projectId.equals(projectId) && Objects.equals(d.branchId, branchId)
                    && logicalId.equals(d.logicalId)) {
                throw ApiException.conflict("A database with the logicalId \"" + logicalId
                        + "\" already exists on this branch (" + d.id + ").");
            }
        }
    }
}
