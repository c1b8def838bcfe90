package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.api.Model.Connection;
import dev.pdpkit.emulator.api.Model.Database;
import java.util.List;
import java.util.Map;

/** Handlers of {@code /v1/connections} and a database's connections. */
final class ConnectionHandlers extends HandlerGroup {
    ConnectionHandlers(ApiContext ctx) {
        super(ctx);
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1DatabasesByDatabaseIdConnections", this::listDatabaseConnections);
        h.put("postV1DatabasesByDatabaseIdConnections", this::createDatabaseConnection);
        h.put("getV1Connections", this::listConnections);
        h.put("postV1Connections", this::createConnection);
        h.put("getV1ConnectionsById", this::getConnection);
        h.put("deleteV1ConnectionsById", this::deleteConnection);
        h.put("postV1ConnectionsByIdRotate", this::rotateConnection);
    }

    private Result listDatabaseConnections(Call call) {
        String id = call.path("databaseId");
        Database d = store.databases.get(id);
        // The spec declares no 404 here: a database the caller cannot see has no connections it can list.
        List<Connection> items = d == null || !visibleDatabase(call, d) ? List.of()
                : Store.select(store.connections, c -> c.databaseId.equals(id));
        return Result.ok(list(call, items, false, render::connection));
    }

    private Connection addConnection(Call call, String databaseId, String name) {
        Database d = database(call, databaseId, false);
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("name is required.", false);
        }
        Connection c = store.newConnection(d.id, name, "postgres");
        if (d.defaultConnectionId == null) {
            d.defaultConnectionId = c.id;
        }
        stats.event(ApiStats.CONNECTIONS_CREATED);
        return c;
    }

    private Result createDatabaseConnection(Call call) {
        Connection c = addConnection(call, call.path("databaseId"), str(call.body(), "name", 400, false));
        return Result.ok(Json.data(render.connectionWithSecrets(c)));
    }

    // ==== connections ==============================================================================================

    private Result listConnections(Call call) {
        String databaseId = call.query("databaseId");
        List<Connection> items = Store.select(store.connections,
                c -> call.workspaceId().equals(store.workspaceOfConnection(c))
                        && (databaseId == null || c.databaseId.equals(databaseId)));
        return Result.ok(list(call, items, false, render::connection));
    }

    private Result createConnection(Call call) {
        JsonNode body = call.body();
        String databaseId = str(body, "databaseId", 400, false);
        if (databaseId == null) {
            throw ApiException.badRequest("databaseId is required.", false);
        }
        Connection c = addConnection(call, databaseId, str(body, "name", 400, false));
        return Result.created(Json.data(render.connectionWithSecrets(c)));
    }

    private Result getConnection(Call call) {
        return Result.ok(Json.data(render.connection(connection(call, call.path("id")))));
    }

    private Result deleteConnection(Call call) {
        Connection c = connection(call, call.path("id"));
        store.connections.remove(c.id);
        Database d = store.databases.get(c.databaseId);
        if (d != null && c.id.equals(d.defaultConnectionId)) {
            d.defaultConnectionId = null;
        }
        stats.event(ApiStats.CONNECTIONS_DELETED);
        return Result.noContent();
    }

    private Result rotateConnection(Call call) {
        Connection c = connection(call, call.path("id"));
        store.issueCredentials(c);
        c.rotations++;
        stats.event(ApiStats.CONNECTIONS_ROTATED);
        return Result.ok(Json.data(render.connectionWithSecrets(c)));
    }
}
