package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.client.model.Backup;
import dev.pdpkit.client.model.Connection;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseStatus;
import dev.pdpkit.client.model.DatabaseUsage;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectRef;
import dev.pdpkit.client.model.Region;
import dev.pdpkit.client.model.RegionRef;
import dev.pdpkit.client.model.ServiceToken;
import dev.pdpkit.client.model.Workspace;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The documented JSON shape of each resource (README, "JSON output"). Field names and types only ever grow: a field
 * the API does not send is {@code null}, never left out, so scripts can rely on every key.
 */
final class Views {
    private Views() {
    }

    static ObjectNode workspace(Workspace w) {
        ObjectNode o = Output.object();
        o.put("id", w.id());
        o.put("name", w.name());
        o.put("createdAt", time(w.createdAt()));
        return o;
    }

    static ObjectNode project(Project p) {
        ObjectNode o = Output.object();
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("logicalId", p.logicalId().orElse(null));
        o.put("workspaceId", p.workspace() == null ? null : p.workspace().id());
        o.put("defaultRegion", p.defaultRegion().orElse(null));
        o.put("createdAt", time(p.createdAt()));
        return o;
    }

    static ObjectNode database(Database d) {
        return database(d.id(), d.name(), d.project(), d.region(), d.status(), d.isDefault(), d.logicalId(),
                d.createdAt());
    }

    /** A database just created has the same view: its one-time connection secrets are not part of it. */
    static ObjectNode database(CreatedDatabase d) {
        return database(d.id(), d.name(), d.project(), d.region(), d.status(), d.isDefault(), d.logicalId(),
                d.createdAt());
    }

    private static ObjectNode database(String id, String name, ProjectRef project, Optional<RegionRef> region,
                                       DatabaseStatus status, Boolean isDefault, Optional<String> logicalId,
                                       OffsetDateTime createdAt) {
        ObjectNode o = Output.object();
        o.put("id", id);
        o.put("name", name);
        o.put("projectId", project == null ? null : project.id());
        o.put("region", region.map(r -> r.id()).orElse(null));
        o.put("status", status == null ? null : status.asString());
        o.put("isDefault", isDefault);
        o.put("logicalId", logicalId.orElse(null));
        o.put("createdAt", time(createdAt));
        return o;
    }

    static ObjectNode connection(Connection c) {
        ObjectNode o = Output.object();
        o.put("id", c.id());
        o.put("name", c.name());
        o.put("databaseId", c.database() == null ? null : c.database().id());
        o.put("kind", c.kind() == null ? null : c.kind().asString());
        o.put("host", c.endpoints() == null ? null : c.endpoints().direct().map(e -> e.host()).orElse(null));
        o.put("createdAt", time(c.createdAt()));
        return o;
    }

    static ObjectNode token(ServiceToken t) {
        ObjectNode o = Output.object();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("valueHint", t.valueHint());
        o.put("createdAt", time(t.createdAt()));
        o.put("expiresAt", t.expiresAt().map(Views::time).orElse(null));
        return o;
    }

    static ObjectNode region(Region r) {
        ObjectNode o = Output.object();
        o.put("id", r.id());
        o.put("name", r.name());
        o.put("product", r.product() == null ? null : r.product().asString());
        o.put("status", r.status().map(s -> s.asString()).orElse(null));
        return o;
    }

    static ObjectNode backup(Backup b) {
        ObjectNode o = Output.object();
        o.put("id", b.id());
        o.put("type", b.backupType() == null ? null : b.backupType().asString());
        o.put("status", b.status() == null ? null : b.status().asString());
        o.put("size", b.size().orElse(null));
        o.put("createdAt", b.createdAt());
        return o;
    }

    static ObjectNode usage(String databaseId, DatabaseUsage u) {
        ObjectNode o = Output.object();
        o.put("databaseId", databaseId);
        o.put("periodStart", u.period() == null ? null : time(u.period().start()));
        o.put("periodEnd", u.period() == null ? null : time(u.period().end()));
        o.put("operations", u.metrics() == null ? null : u.metrics().operations().used());
        o.put("operationsUnit", u.metrics() == null ? null : u.metrics().operations().unit());
        o.put("storage", u.metrics() == null ? null : u.metrics().storage().used());
        o.put("storageUnit", u.metrics() == null ? null : u.metrics().storage().unit());
        o.put("generatedAt", time(u.generatedAt()));
        return o;
    }

    static String time(OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }
}
