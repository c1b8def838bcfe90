package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Bucket;
import dev.pdpkit.emulator.api.Model.Database;
import dev.pdpkit.emulator.api.Model.Project;
import dev.pdpkit.emulator.api.Model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Handlers of {@code /v1/projects}: create (with its default database), read, rename, delete, transfer. */
final class ProjectHandlers extends HandlerGroup {
    private final DatabaseProvisioning provisioning;

    ProjectHandlers(ApiContext ctx, DatabaseProvisioning provisioning) {
        super(ctx);
        this.provisioning = provisioning;
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1Projects", this::listProjects);
        h.put("postV1Projects", this::createProject);
        h.put("getV1ProjectsById", this::getProject);
        h.put("patchV1ProjectsById", this::updateProject);
        h.put("deleteV1ProjectsById", this::deleteProject);
        h.put("postV1ProjectsByIdTransfer", this::transferProject);
    }

    // ==== projects =================================================================================================

    private Result listProjects(Call call) {
        String logicalId = call.query("logicalId");
        List<Project> items = Store.select(store.projects, p -> p.workspaceId.equals(call.workspaceId())
                && (logicalId == null || logicalId.equals(p.logicalId)));
        return Result.ok(list(call, items, false, render::project));
    }

    private Result createProject(Call call) {
        JsonNode body = call.body();
        String workspaceId = str(body, "workspaceId", 400, false);
        if (workspaceId != null && !workspaceId.equals(call.workspaceId())) {
            // The spec declares no status for this; 404 is what every other operation answers for a workspace the
            // credential cannot see.
            throw new ApiException(404, "not_found", "Workspace with the ID \"" + workspaceId + "\" was not found.",
                    null, true);
        }
        String logicalId = str(body, "logicalId", 400, false);
        if (logicalId != null) {
            for (Project other : store.projects.values()) {
                if (other.workspaceId.equals(call.workspaceId()) && logicalId.equals(other.logicalId)) {
                    throw ApiException.conflict("A project with the logicalId \"" + logicalId
                            + "\" already exists in the workspace (" + other.id + ").");
                }
            }
        }
        String name = str(body, "name", 400, false);
        String region = str(body, "region", 400, false);
        Project p = store.newProject();
        p.workspaceId = call.workspaceId();
        p.name = name != null ? name : logicalId != null ? logicalId : "My Project";
        p.logicalId = logicalId;
        p.defaultRegion = region;
        stats.event(ApiStats.PROJECTS_CREATED);
        ObjectNode out = render.project(p);
        if (bool(body, "createDatabase", true)) {
            Database d = provisioning.provisionDatabase(p, p.name, region != null ? region : Regions.DEFAULT, true,
                    null, p.defaultBranchId, null);
            ObjectNode empty = Json.object();
            empty.put("type", "empty");
            d.source = empty;
            out.set("database", render.createdProjectDatabase(d, call.now(), false));
        } else {
            out.putNull("database");
        }
        return Result.created(Json.data(out));
    }

    private Result getProject(Call call) {
        return Result.ok(Json.data(render.project(project(call, call.path("id"), false))));
    }

    private Result updateProject(Call call) {
        Project p = project(call, call.path("id"), true);
        JsonNode body = call.body();
        String name = str(body, "name", 422, true);
        if (name != null && name.isBlank()) {
            throw ApiException.unprocessable("name must not be empty.");
        }
        JsonNode settings = body.get("settings");
        if (settings != null && !settings.isNull() && !settings.isObject()) {
            throw ApiException.unprocessable("settings must be an object.");
        }
        if (name != null) {
            p.name = name;
        }
        if (settings != null && settings.isObject()) {
            if (p.settings == null) {
                p.settings = Json.object();
            }
            p.settings.setAll((ObjectNode) settings);
        }
        return Result.ok(Json.data(render.project(p)));
    }

    private Result deleteProject(Call call) {
        Project p = project(call, call.path("id"), false);
        List<Database> extra = Store.select(store.databases, d -> d.projectId.equals(p.id) && !d.isDefault);
        List<Bucket> buckets = Store.select(store.buckets, b -> b.projectId.equals(p.id));
        if (!extra.isEmpty() || !buckets.isEmpty()) {
            List<String> ids = new ArrayList<>();
            extra.forEach(d -> ids.add(d.id));
            buckets.forEach(b -> ids.add(b.id));
            throw new ApiException(400, "project_has_dependencies",
                    "Project \"" + p.id + "\" cannot be deleted while it has dependent resources: " + ids + ".",
                    "Delete the project's non-default databases and its buckets first.", false);
        }
        for (Database d : Store.select(store.databases, d -> d.projectId.equals(p.id))) {
            store.removeDatabase(d.id);
            stats.event(ApiStats.DATABASES_DELETED);
        }
        store.projects.remove(p.id);
        stats.event(ApiStats.PROJECTS_DELETED);
        return Result.noContent();
    }

    private Result transferProject(Call call) {
        Project p = project(call, call.path("id"), false);
        String token = str(call.body(), "recipientAccessToken", 400, false);
        if (token == null || token.isBlank()) {
            throw ApiException.badRequest("recipientAccessToken is required.", false);
        }
        OAuthPrincipal recipient = oauth.verifyAccessToken(token).orElseThrow(() -> new ApiException(401,
                "invalid_recipient_token", "The recipient access token is invalid, expired or revoked.",
                "Pass an OAuth access token of the receiving user, obtained through the authorization flow.",
                false));
        if (!store.workspaces.containsKey(recipient.workspaceId())) {
            throw new ApiException(401, "invalid_recipient_token",
                    "The recipient access token is not bound to a known workspace.", null, false);
        }
        if (recipient.workspaceId().equals(p.workspaceId)) {
            throw ApiException.conflict("Project \"" + p.id + "\" already belongs to the recipient's workspace.");
        }
        if (p.logicalId != null) {
            for (Project other : store.projects.values()) {
                if (other.workspaceId.equals(recipient.workspaceId()) && p.logicalId.equals(other.logicalId)) {
                    throw ApiException.conflict("The recipient's workspace already has a project with the logicalId \""
                            + p.logicalId + "\".");
                }
            }
        }
        p.workspaceId = recipient.workspaceId();
        stats.event(ApiStats.PROJECTS_TRANSFERRED);
        return Result.noContent();
    }
}
