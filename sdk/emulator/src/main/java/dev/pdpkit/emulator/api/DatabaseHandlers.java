package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Database;
import dev.pdpkit.emulator.api.Model.Project;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Handlers of {@code /v1/databases} and {@code /v1/projects/{id}/databases}. */
final class DatabaseHandlers extends HandlerGroup {
    private final DatabaseProvisioning provisioning;

    DatabaseHandlers(ApiContext ctx, DatabaseProvisioning provisioning) {
        super(ctx);
        this.provisioning = provisioning;
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1ProjectsByProjectIdDatabases", this::listProjectDatabases);
        h.put("postV1ProjectsByProjectIdDatabases", this::createProjectDatabase);
        h.put("getV1Databases", this::listDatabases);
        h.put("postV1Databases", this::createDatabase);
        h.put("getV1DatabasesByDatabaseId", this::getDatabase);
        h.put("patchV1DatabasesByDatabaseId", this::updateDatabase);
        h.put("deleteV1DatabasesByDatabaseId", this::deleteDatabase);
    }

    private Result listProjectDatabases(Call call) {
        Project p = project(call, call.path("projectId"), false);
        List<Database> items = Store.select(store.databases, d -> d.projectId.equals(p.id));
        return Result.ok(list(call, items, false, d -> render.database(d, call.now(), null)));
    }

    private Result createProjectDatabase(Call call) {
        Project p = project(call, call.path("projectId"), true);
        JsonNode body = call.body();
        String name = str(body, "name", 400, true);
        String region = provisioning.regionFor(p, str(body, "region", 400, true));
        ObjectNode source = provisioning.resolveSource(call, body.get("source"), body.get("fromDatabase"));
        Database d = provisioning.provisionDatabase(p, name != null ? name : "database-" + Ids.hex(6), region,
                bool(body, "isDefault", false), source, p.defaultBranchId, null);
        return Result.created(Json.data(render.createdProjectDatabase(d, call.now(), true)));
    }

    // ==== databases ================================================================================================

    private Result listDatabases(Call call) {
        String projectId = call.query("projectId");
        if (projectId != null) {
            Project p = store.projects.get(projectId);
            if (p != null && !p.workspaceId.equals(call.workspaceId())) {
                throw ApiException.forbidden("The credential does not have access to the project \"" + projectId
                        + "\".");
            }
        }
        String logicalId = call.query("logicalId");
        Predicate<String> branch = branchFilter(call);
        List<Database> items = Store.select(store.databases, d -> visibleDatabase(call, d)
                && (projectId == null || d.projectId.equals(projectId))
                && (logicalId == null || logicalId.equals(d.logicalId))
                && branch.test(d.branchId));
        return Result.ok(list(call, items, false, d -> render.database(d, call.now(), null)));
    }

    private Result createDatabase(Call call) {
        JsonNode body = call.body();
        String projectId = str(body, "projectId", 400, true);
        if (projectId == null) {
            throw ApiException.badRequest("projectId is required.", true);
        }
        Project p = project(call, projectId, true);
        String logicalId = str(body, "logicalId", 400, true);
        String branchId = str(body, "branchId", 400, true);
        String gitName = str(body, "branchGitName", 400, true);
        if (explicitNull(body, "branchId")) {
            throw ApiException.badRequest("branchId must not be null: every database belongs to a branch.", true);
        }
        // The service's own types (management-api-sdk) declare branchGitName?: string, never null, on create.
        if (explicitNull(body, "branchGitName")) {
            throw ApiException.badRequest("branchGitName must be a string when present; omit it for the default"
                    + " branch.", true);
        }
        if (logicalId != null && gitName != null) {
            throw ApiException.badRequest("logicalId and branchGitName cannot be used together; use branchId.", true);
        }
        if (branchId != null && gitName != null) {
            throw ApiException.badRequest("branchId and branchGitName cannot be used together.", true);
        }
        String branch = resolveBranch(p, branchId, gitName, true, msg -> ApiException.badRequest(msg, true));
        provisioning.checkDatabaseLogicalId(null, p.id, branch, logicalId);
        String name = str(body, "name", 400, true);
        String region = provisioning.regionFor(p, str(body, "region", 400, true));
        ObjectNode source = provisioning.resolveSource(call, body.get("source"), null);
        Database d = provisioning.provisionDatabase(p, name != null ? name : "database-" + Ids.hex(6), region,
                bool(body, "isDefault", false), source, branch, logicalId);
        return Result.created(Json.data(render.createdDatabase(d, call.now())));
    }

    private Result getDatabase(Call call) {
        Database d = database(call, call.path("databaseId"), true);
        return Result.ok(Json.data(render.database(d, call.now(), null)));
    }

    private Result updateDatabase(Call call) {
        Database d = database(call, call.path("databaseId"), true);
        Project p = store.projects.get(d.projectId);
        JsonNode body = call.body();
        String name = str(body, "name", 400, false);
        String logicalId = str(body, "logicalId", 400, false);
        String branchId = str(body, "branchId", 400, false);
        String gitName = str(body, "branchGitName", 400, false);
        if (explicitNull(body, "branchId") || explicitNull(body, "branchGitName")) {
            throw ApiException.badRequest("A database cannot be detached from its branch (null is rejected).",
                    false);
        }
        if (branchId != null && gitName != null) {
            throw ApiException.badRequest("branchId and branchGitName cannot be used together.", false);
        }
        boolean move = branchId != null || gitName != null;
        if (move && logicalId != null) {
            throw ApiException.badRequest("A branch move and a logicalId change must be separate requests.", false);
        }
        if (name != null && name.isBlank()) {
            throw ApiException.badRequest("name must not be empty.", false);
        }
        if (move) {
            String target = resolveBranch(p, branchId, gitName, true,
                    msg -> new ApiException(404, "not_found", msg));
            provisioning.checkDatabaseLogicalId(d, p.id, target, d.logicalId);
            d.branchId = target;
        }
        if (logicalId != null) {
            provisioning.checkDatabaseLogicalId(d, p.id, d.branchId, logicalId);
            d.logicalId = logicalId;
        }
        if (name != null) {
            d.name = name;
        }
        return Result.ok(Json.data(render.database(d, call.now(), null)));
    }

    private Result deleteDatabase(Call call) {
        Database d = database(call, call.path("databaseId"), false);
        if (d.isDefault) {
            throw new ApiException(403, "cannot_delete_default_database",
                    "Database \"" + d.id + "\" is the default database of its project and cannot be deleted.",
                    "Delete the project instead, or make another database the default first.", false);
        }
        store.removeDatabase(d.id);
        stats.event(ApiStats.DATABASES_DELETED);
        return Result.noContent();
    }
}
