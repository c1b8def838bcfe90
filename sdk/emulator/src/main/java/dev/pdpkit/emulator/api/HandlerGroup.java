package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Bucket;
import dev.pdpkit.emulator.api.Model.Connection;
import dev.pdpkit.emulator.api.Model.Database;
import dev.pdpkit.emulator.api.Model.Entity;
import dev.pdpkit.emulator.api.Model.Project;
import dev.pdpkit.emulator.api.Model.Workspace;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every group of handlers shares: the state, rendering and paging, and the lookups that apply the visibility
 * rule (a credential sees only its own workspace). Every handler runs while the dispatcher holds the {@link Store}'s
 * monitor.
 */
abstract class HandlerGroup {
    final Store store;
    final Render render;
    final Paging paging;
    final OAuthBackend oauth;
    final ApiStats stats;

    HandlerGroup(ApiContext ctx) {
        this.store = ctx.store();
        this.render = ctx.render();
        this.paging = ctx.paging();
        this.oauth = ctx.oauth();
        this.stats = ctx.stats();
    }

    /** Adds this group's handlers by operationId. */
    abstract void register(Map<String, ManagementApi.Handler> handlers);

    // ==== helpers ==================================================================================================

    <T extends Entity> ObjectNode list(Call call, List<T> ordered, boolean newestFirst,
                                               Function<T, JsonNode> view) {
        Paging.Window<T> window = paging.page(ordered, call.query("cursor"), call.query("limit"), newestFirst);
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (T item : window.items()) {
            data.add(view.apply(item));
        }
        body.set("pagination", window.paginationJson());
        return body;
    }

    static ApiException foreign(boolean forbid, String what, String id) {
        return forbid
                ? ApiException.forbidden("The credential does not have access to the " + what.toLowerCase()
                        + " \"" + id + "\".")
                : ApiException.notFound(what, id);
    }

    Workspace ownWorkspace(Call call, String id) {
        Workspace w = store.workspaces.get(id);
        if (w == null || !id.equals(call.workspaceId())) {
            throw ApiException.notFound("Workspace", id);
        }
        return w;
    }

    Project project(Call call, String id, boolean forbidForeign) {
        Project p = store.projects.get(id);
        if (p == null) {
            throw ApiException.notFound("Project", id);
        }
        if (!p.workspaceId.equals(call.workspaceId())) {
            throw foreign(forbidForeign, "Project", id);
        }
        return p;
    }

    Database database(Call call, String id, boolean forbidForeign) {
        Database d = store.databases.get(id);
        if (d == null) {
            throw ApiException.notFound("Database", id);
        }
        if (!call.workspaceId().equals(store.workspaceOfDatabase(d))) {
            throw foreign(forbidForeign, "Database", id);
        }
        return d;
    }

    Connection connection(Call call, String id) {
        Connection c = store.connections.get(id);
        if (c == null || !call.workspaceId().equals(store.workspaceOfConnection(c))) {
            throw ApiException.notFound("Connection", id);
        }
        return c;
    }

    Bucket bucket(Call call, String id) {
        Bucket b = store.buckets.get(id);
        if (b == null || !call.workspaceId().equals(store.workspaceOfBucket(b))) {
            throw ApiException.notFound("Bucket", id);
        }
        return b;
    }

    boolean visibleDatabase(Call call, Database d) {
        return call.workspaceId().equals(store.workspaceOfDatabase(d));
    }

    /** A string field; a value of another JSON type is rejected (the validator normally catches it first). */
    static String str(JsonNode body, String field, int status, boolean declared) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw status == 422 ? ApiException.unprocessable(field + " must be a string.")
                    : ApiException.badRequest(field + " must be a string.", declared);
        }
        return v.asText();
    }

    static boolean bool(JsonNode body, String field, boolean dflt) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? dflt : v.asBoolean(dflt);
    }

    static boolean explicitNull(JsonNode body, String field) {
        return body.has(field) && body.get(field).isNull();
    }

    /**
     * Finds the branch named by {@code branchId} or {@code branchGitName}; a missing git name is created when
     * {@code createMissing}. Returns the project's default branch when neither is given.
     */
    String resolveBranch(Project p, String branchId, String gitName, boolean createMissing,
                                 Function<String, ApiException> unknown) {
        if (branchId != null) {
            if (!p.branches.containsValue(branchId)) {
                throw unknown.apply("Branch \"" + branchId + "\" does not exist in project \"" + p.id + "\".");
            }
            return branchId;
        }
        if (gitName != null) {
            String id = p.branches.get(gitName);
            if (id == null) {
                if (!createMissing) {
                    throw unknown.apply("Branch \"" + gitName + "\" does not exist in project \"" + p.id + "\".");
                }
                id = Ids.id("br");
                p.branches.put(gitName, id);
            }
            return id;
        }
        return p.defaultBranchId;
    }

    Predicate<String> branchFilter(Call call) {
        String branchId = call.query("branchId");
        String gitName = call.query("branchGitName");
        return actual -> {
            if (branchId != null) {
                if ("unassigned".equals(branchId) ? actual != null : !branchId.equals(actual)) {
                    return false;
                }
            }
            if (gitName != null) {
                if (actual == null) {
                    return false;
                }
                boolean found = false;
                for (Project p : store.projects.values()) {
                    if (actual.equals(p.branches.get(gitName))) {
                        found = true;
                        break;
                    }
                }
                return found;
            }
            return true;
        };
    }
}
