package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Backup;
import dev.pdpkit.emulator.api.Model.Bucket;
import dev.pdpkit.emulator.api.Model.BucketKey;
import dev.pdpkit.emulator.api.Model.Connection;
import dev.pdpkit.emulator.api.Model.Database;
import dev.pdpkit.emulator.api.Model.Project;
import dev.pdpkit.emulator.api.Model.ServiceToken;
import dev.pdpkit.emulator.api.Model.Workspace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Turns resources into the JSON shapes of the spec's schemas. Callers hold the store's monitor. */
final class Render {
    private final Store store;
    private final String baseUrl;
    private final ConnectionHosts hosts;

    Render(Store store, String baseUrl, ConnectionHosts hosts) {
        this.store = store;
        this.baseUrl = baseUrl;
        this.hosts = hosts;
    }

    String url(String path) {
        return baseUrl + path;
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    // ---- workspaces ----------------------------------------------------------------------------------------------

    ObjectNode workspace(Workspace w) {
        ObjectNode n = Json.object();
        n.put("id", w.id);
        n.put("type", "workspace");
        n.put("url", url("/v1/workspaces/" + w.id));
        n.put("name", w.name);
        n.put("createdAt", Json.time(w.createdAt));
        return n;
    }

    ObjectNode workspaceRef(String workspaceId) {
        Workspace w = store.workspaces.get(workspaceId);
        ObjectNode n = Json.object();
        n.put("id", workspaceId);
        n.put("url", url("/v1/workspaces/" + workspaceId));
        n.put("name", w == null ? workspaceId : w.name);
        return n;
    }

    ObjectNode subscription(Workspace w) {
        ObjectNode n = Json.object();
        n.put("planName", w.planName);
        n.put("usageBlocked", w.usageBlocked);
        n.put("upgradeUrl", "https://console.prisma.io/" + w.id + "/settings/billing");
        return n;
    }

    ObjectNode serviceToken(ServiceToken t) {
        ObjectNode n = Json.object();
        n.put("id", t.id);
        n.put("type", "serviceToken");
        n.put("name", t.name);
        n.put("valueHint", t.valueHint);
        n.put("createdAt", Json.time(t.createdAt));
        putNullable(n, "expiresAt", t.expiresAt == null ? null : Json.time(t.expiresAt));
        return n;
    }

    // ---- projects ------------------------------------------------------------------------------------------------

    ObjectNode project(Project p) {
        ObjectNode n = Json.object();
        n.put("id", p.id);
        n.put("type", "project");
        n.put("url", url("/v1/projects/" + p.id));
        n.put("name", p.name);
        putNullable(n, "logicalId", p.logicalId);
        n.put("createdAt", Json.time(p.createdAt));
        putNullable(n, "defaultRegion", p.defaultRegion);
        n.set("workspace", workspaceRef(p.workspaceId));
        return n;
    }

    ObjectNode projectRef(String projectId) {
        Project p = store.projects.get(projectId);
        ObjectNode n = Json.object();
        n.put("id", projectId);
        n.put("url", url("/v1/projects/" + projectId));
        n.put("name", p == null ? projectId : p.name);
        return n;
    }

    // ---- databases -----------------------------------------------------------------------------------------------

    ObjectNode regionRef(String regionId) {
        ObjectNode n = Json.object();
        n.put("id", regionId);
        n.put("name", Regions.name(regionId));
        return n;
    }

    private ObjectNode databaseCommon(Database d, String status) {
        ObjectNode n = Json.object();
        n.put("id", d.id);
        n.put("type", "database");
        n.put("url", url("/v1/databases/" + d.id));
        n.put("name", d.name);
        n.put("status", status);
        n.put("createdAt", Json.time(d.createdAt));
        n.put("isDefault", d.isDefault);
        putNullable(n, "defaultConnectionId", d.defaultConnectionId);
        return n;
    }

    private void databaseTail(ObjectNode n, Database d, boolean withProject) {
        if (withProject) {
            n.set("project", projectRef(d.projectId));
        }
        if (d.regionId == null) {
            n.putNull("region");
        } else {
            n.set("region", regionRef(d.regionId));
        }
        if (d.source == null) {
            n.putNull("source");
        } else {
            n.set("source", d.source.deepCopy());
        }
        putNullable(n, "branchId", d.branchId);
        putNullable(n, "logicalId", d.logicalId);
    }

    private List<Connection> connectionsOf(Database d) {
        return Store.select(store.connections, c -> c.databaseId.equals(d.id));
    }

    /** Schema {@code Database}; {@code statusOverride} is used by restore ({@code RestoredDatabase}). */
    ObjectNode database(Database d, Instant now, String statusOverride) {
        ObjectNode n = databaseCommon(d, statusOverride != null ? statusOverride : d.status(now));
        ArrayNode conns = n.putArray("connections");
        for (Connection c : connectionsOf(d)) {
            conns.add(connection(c));
        }
        databaseTail(n, d, true);
        return n;
    }

    /** Schema {@code CreatedDatabase}: connections with their connection strings. */
    ObjectNode createdDatabase(Database d, Instant now) {
        ObjectNode n = databaseCommon(d, d.status(now));
        ArrayNode conns = n.putArray("connections");
        for (Connection c : connectionsOf(d)) {
            conns.add(newDatabaseConnection(c));
        }
        databaseTail(n, d, true);
        return n;
    }

    /**
     * Schema {@code CreatedProjectDatabase} (with {@code project}) or {@code NewProjectDatabase} (without): the new
     * connections plus the deprecated {@code apiKeys}, {@code connectionString} and {@code directConnection}.
     */
    ObjectNode createdProjectDatabase(Database d, Instant now, boolean withProject) {
        ObjectNode n = databaseCommon(d, d.status(now));
        List<Connection> conns = connectionsOf(d);
        ArrayNode arr = n.putArray("connections");
        for (Connection c : conns) {
            arr.add(newDatabaseConnection(c));
        }
        databaseTail(n, d, withProject);
        if (d.regionId == null) {
            n.set("region", regionRef(Regions.DEFAULT));
        }
        ArrayNode keys = n.putArray("apiKeys");
        for (Connection c : conns) {
            keys.add(apiKey(c));
        }
        Connection first = conns.isEmpty() ? null : conns.get(0);
        putNullable(n, "connectionString", first == null ? null : accelerateUrl(first));
        if (first == null) {
            n.putNull("directConnection");
        } else {
            n.set("directConnection", directConnection(first));
        }
        return n;
    }

    ObjectNode databaseRef(String databaseId) {
        Database d = store.databases.get(databaseId);
        ObjectNode n = Json.object();
        n.put("id", databaseId);
        n.put("url", url("/v1/databases/" + databaseId));
        n.put("name", d == null ? databaseId : d.name);
        return n;
    }

    ObjectNode backup(Backup b) {
        ObjectNode n = Json.object();
        n.put("id", b.id);
        n.put("backupType", b.backupType);
        n.put("createdAt", Json.time(b.createdAt));
        n.put("size", b.size);
        n.put("status", b.status);
        n.put("type", "backup");
        return n;
    }

    // ---- connections ---------------------------------------------------------------------------------------------

    String directUrl(Connection c) {
        return postgresUrl(c, hosts.directHost());
    }

    String pooledUrl(Connection c) {
        return postgresUrl(c, hosts.pooledHost());
    }

    private String postgresUrl(Connection c, String host) {
        return "postgres://" + c.user + ":" + URLEncoder.encode(c.password, StandardCharsets.UTF_8) + "@" + host + ":"
                + hosts.postgresPort() + "/" + hosts.databaseName() + "?sslmode=require";
    }

    String accelerateUrl(Connection c) {
        return "prisma+postgres://" + hosts.accelerateHost() + "/?api_key=" + c.apiKey;
    }

    private ObjectNode endpoint(String host, int port, String connectionString) {
        ObjectNode n = Json.object();
        n.put("host", host);
        n.put("port", port);
        if (connectionString != null) {
            n.put("connectionString", connectionString);
        }
        return n;
    }

    ObjectNode endpoints(Connection c, boolean secrets) {
        ObjectNode n = Json.object();
        n.set("direct", endpoint(hosts.directHost(), hosts.postgresPort(), secrets ? directUrl(c) : null));
        n.set("pooled", endpoint(hosts.pooledHost(), hosts.postgresPort(), secrets ? pooledUrl(c) : null));
        n.set("accelerate", endpoint(hosts.accelerateHost(), 443, secrets ? accelerateUrl(c) : null));
        return n;
    }

    ObjectNode directConnection(Connection c) {
        ObjectNode n = Json.object();
        n.put("host", hosts.directHost() + ":" + hosts.postgresPort());
        n.put("pass", c.password);
        n.put("user", c.user);
        return n;
    }

    private ObjectNode connectionHead(Connection c) {
        ObjectNode n = Json.object();
        n.put("id", c.id);
        n.put("type", "connection");
        n.put("url", url("/v1/connections/" + c.id));
        n.put("name", c.name);
        n.put("createdAt", Json.time(c.createdAt));
        n.put("kind", c.kind);
        return n;
    }

    /** Schema {@code Connection}: no secrets. */
    ObjectNode connection(Connection c) {
        ObjectNode n = connectionHead(c);
        n.set("endpoints", endpoints(c, false));
        n.set("database", databaseRef(c.databaseId));
        return n;
    }

    /** Schema {@code ConnectionWithSecrets}, answered by create and rotate only. */
    ObjectNode connectionWithSecrets(Connection c) {
        ObjectNode n = connectionHead(c);
        n.set("endpoints", endpoints(c, true));
        n.put("connectionString", directUrl(c));
        n.set("directConnection", directConnection(c));
        n.set("database", databaseRef(c.databaseId));
        n.put("host", hosts.directHost() + ":" + hosts.postgresPort());
        n.put("pass", c.password);
        n.put("user", c.user);
        return n;
    }

    /** Schema {@code NewDatabaseConnection}, inside database-create answers. */
    ObjectNode newDatabaseConnection(Connection c) {
        ObjectNode n = connectionHead(c);
        n.set("endpoints", endpoints(c, true));
        n.set("directConnection", directConnection(c));
        n.set("database", databaseRef(c.databaseId));
        return n;
    }

    /** Schema {@code DatabaseApiKey}, the legacy view. */
    ObjectNode apiKey(Connection c) {
        ObjectNode n = connectionHead(c);
        n.set("endpoints", endpoints(c, false));
        n.put("connectionString", accelerateUrl(c));
        n.set("directConnection", directConnection(c));
        return n;
    }

    // ---- buckets -------------------------------------------------------------------------------------------------

    ObjectNode bucket(Bucket b) {
        ObjectNode n = Json.object();
        n.put("id", b.id);
        n.put("type", "bucket");
        n.put("url", url("/v1/buckets/" + b.id));
        n.put("name", b.name);
        n.put("providerName", b.providerName);
        n.put("status", b.status);
        n.put("createdAt", Json.time(b.createdAt));
        n.set("project", projectRef(b.projectId));
        putNullable(n, "branchId", b.branchId);
        putNullable(n, "logicalId", b.logicalId);
        return n;
    }

    ObjectNode bucketKey(BucketKey k) {
        ObjectNode n = Json.object();
        n.put("id", k.id);
        n.put("type", "bucketKey");
        n.put("name", k.name);
        n.put("valueHint", k.valueHint);
        n.put("role", k.role);
        n.put("createdAt", Json.time(k.createdAt));
        return n;
    }

    // ---- integrations --------------------------------------------------------------------------------------------

    ObjectNode integration(OAuthBackend.Grant g, OAuthBackend.User user) {
        ObjectNode n = Json.object();
        n.put("id", g.grantId());
        n.put("url", url("/v1/integrations/" + g.grantId()));
        n.put("createdAt", Json.time(g.createdAt()));
        ArrayNode scopes = n.putArray("scopes");
        g.scopes().stream().sorted().forEach(scopes::add);
        ObjectNode client = n.putObject("client");
        client.put("id", g.clientId());
        client.put("name", g.clientName());
        client.put("createdAt", Json.time(g.clientCreatedAt()));
        ObjectNode by = n.putObject("createdByUser");
        by.put("id", g.userId());
        by.put("email", user != null ? user.email() : g.userId() + "@example.test");
        putNullable(by, "displayName", user != null ? user.name() : null);
        return n;
    }
}
