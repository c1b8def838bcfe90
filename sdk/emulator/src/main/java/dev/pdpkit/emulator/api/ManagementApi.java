package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Backup;
import dev.pdpkit.emulator.api.Model.Bucket;
import dev.pdpkit.emulator.api.Model.BucketKey;
import dev.pdpkit.emulator.api.Model.Connection;
import dev.pdpkit.emulator.api.Model.Database;
import dev.pdpkit.emulator.api.Model.Entity;
import dev.pdpkit.emulator.api.Model.Project;
import dev.pdpkit.emulator.api.Model.ServiceToken;
import dev.pdpkit.emulator.api.Model.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The 46 operations. Every handler runs while the dispatcher holds the {@link Store}'s monitor.
 *
 * <p>Visibility: a credential sees only the workspace it is bound to. A resource of another workspace is answered as
 * not found (404), except on the operations whose spec declares 403 for "the actor does not have access", where the
 * emulator answers 403 as the service does.
 */
public final class ManagementApi {
    /** Backup retention the emulator reports. */
    static final int BACKUP_RETENTION_DAYS = 7;

    /** A handler of one operation. */
    @FunctionalInterface
    public interface Handler {
        Result handle(Call call);
    }

    private final Store store;
    private final Render render;
    private final Paging paging;
    private final OAuthBackend oauth;
    private final ApiStats stats;
    /** Stable list positions for OAuth grants, which live in the authorization server. */
    private final Map<String, Long> grantSeq = new HashMap<>();

    public ManagementApi(Store store, String baseUrl, ConnectionHosts hosts, Paging paging, OAuthBackend oauth,
                         ApiStats stats) {
        this.store = store;
        this.render = new Render(store, baseUrl, hosts);
        this.paging = paging;
        this.oauth = oauth;
        this.stats = stats;
    }

    /** @return the handlers by operationId */
    public Map<String, Handler> handlers() {
        Map<String, Handler> h = new LinkedHashMap<>();
        h.put("getV1Me", this::getMe);
        h.put("getV1Workspaces", this::listWorkspaces);
        h.put("getV1WorkspacesById", this::getWorkspace);
        h.put("getV1WorkspacesByIdSubscription", this::getSubscription);
        h.put("getV1Projects", this::listProjects);
        h.put("postV1Projects", this::createProject);
        h.put("getV1ProjectsById", this::getProject);
        h.put("patchV1ProjectsById", this::updateProject);
        h.put("deleteV1ProjectsById", this::deleteProject);
        h.put("postV1ProjectsByIdTransfer", this::transferProject);
        h.put("getV1ProjectsByProjectIdDatabases", this::listProjectDatabases);
        h.put("postV1ProjectsByProjectIdDatabases", this::createProjectDatabase);
        h.put("getV1Databases", this::listDatabases);
        h.put("postV1Databases", this::createDatabase);
        h.put("getV1DatabasesByDatabaseId", this::getDatabase);
        h.put("patchV1DatabasesByDatabaseId", this::updateDatabase);
        h.put("deleteV1DatabasesByDatabaseId", this::deleteDatabase);
        h.put("getV1DatabasesByDatabaseIdConnections", this::listDatabaseConnections);
        h.put("postV1DatabasesByDatabaseIdConnections", this::createDatabaseConnection);
        h.put("getV1DatabasesByDatabaseIdBackups", this::listBackups);
        h.put("postV1DatabasesByTargetDatabaseIdRestore", this::restoreDatabase);
        h.put("getV1DatabasesByDatabaseIdUsage", this::getUsage);
        h.put("getV1Connections", this::listConnections);
        h.put("postV1Connections", this::createConnection);
        h.put("getV1ConnectionsById", this::getConnection);
        h.put("deleteV1ConnectionsById", this::deleteConnection);
        h.put("postV1ConnectionsByIdRotate", this::rotateConnection);
        h.put("getV1WorkspacesByWorkspaceIdService-tokens", this::listServiceTokens);
        h.put("postV1WorkspacesByWorkspaceIdService-tokens", this::createServiceToken);
        h.put("deleteV1WorkspacesByWorkspaceIdService-tokensByServiceTokenId", this::deleteServiceToken);
        h.put("getV1Integrations", this::listIntegrations);
        h.put("getV1IntegrationsById", this::getIntegration);
        h.put("deleteV1IntegrationsById", this::deleteIntegration);
        h.put("getV1WorkspacesByWorkspaceIdIntegrations", this::listWorkspaceIntegrations);
        h.put("deleteV1WorkspacesByWorkspaceIdIntegrationsByClientId", this::revokeWorkspaceIntegration);
        h.put("getV1Regions", this::listRegions);
        h.put("getV1RegionsPostgres", this::listPostgresRegions);
        h.put("getV1RegionsAccelerate", this::listAccelerateRegions);
        h.put("getV1Buckets", this::listBuckets);
        h.put("postV1Buckets", this::createBucket);
        h.put("getV1BucketsByBucketId", this::getBucket);
        h.put("patchV1BucketsByBucketId", this::updateBucket);
        h.put("deleteV1BucketsByBucketId", this::deleteBucket);
        h.put("getV1BucketsByBucketIdKeys", this::listBucketKeys);
        h.put("postV1BucketsByBucketIdKeys", this::createBucketKey);
        h.put("deleteV1BucketsByBucketIdKeysByKeyId", this::deleteBucketKey);
        return h;
    }

    // ==== helpers ==================================================================================================

    private <T extends Entity> ObjectNode list(Call call, List<T> ordered, boolean newestFirst,
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

    private static ApiException foreign(boolean forbid, String what, String id) {
        return forbid
                ? ApiException.forbidden("The credential does not have access to the " + what.toLowerCase()
                        + " \"" + id + "\".")
                : ApiException.notFound(what, id);
    }

    private Workspace ownWorkspace(Call call, String id) {
        Workspace w = store.workspaces.get(id);
        if (w == null || !id.equals(call.workspaceId())) {
            throw ApiException.notFound("Workspace", id);
        }
        return w;
    }

    private Project project(Call call, String id, boolean forbidForeign) {
        Project p = store.projects.get(id);
        if (p == null) {
            throw ApiException.notFound("Project", id);
        }
        if (!p.workspaceId.equals(call.workspaceId())) {
            throw foreign(forbidForeign, "Project", id);
        }
        return p;
    }

    private Database database(Call call, String id, boolean forbidForeign) {
        Database d = store.databases.get(id);
        if (d == null) {
            throw ApiException.notFound("Database", id);
        }
        if (!call.workspaceId().equals(store.workspaceOfDatabase(d))) {
            throw foreign(forbidForeign, "Database", id);
        }
        return d;
    }

    private Connection connection(Call call, String id) {
        Connection c = store.connections.get(id);
        if (c == null || !call.workspaceId().equals(store.workspaceOfConnection(c))) {
            throw ApiException.notFound("Connection", id);
        }
        return c;
    }

    private Bucket bucket(Call call, String id) {
        Bucket b = store.buckets.get(id);
        if (b == null || !call.workspaceId().equals(store.workspaceOfBucket(b))) {
            throw ApiException.notFound("Bucket", id);
        }
        return b;
    }

    private boolean visibleDatabase(Call call, Database d) {
        return call.workspaceId().equals(store.workspaceOfDatabase(d));
    }

    /** A string field; a value of another JSON type is rejected (the validator normally catches it first). */
    private static String str(JsonNode body, String field, int status, boolean declared) {
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

    private static boolean bool(JsonNode body, String field, boolean dflt) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? dflt : v.asBoolean(dflt);
    }

    private static boolean explicitNull(JsonNode body, String field) {
        return body.has(field) && body.get(field).isNull();
    }

    private String regionFor(Project p, String requested) {
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

    /**
     * Finds the branch named by {@code branchId} or {@code branchGitName}; a missing git name is created when
     * {@code createMissing}. Returns the project's default branch when neither is given.
     */
    private String resolveBranch(Project p, String branchId, String gitName, boolean createMissing,
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

    private Predicate<String> branchFilter(Call call) {
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

    private ObjectNode backupSource(String databaseId, String backupId) {
        ObjectNode s = Json.object();
        s.put("type", "backup");
        s.put("databaseId", databaseId);
        s.put("backupId", backupId);
        return s;
    }

    /**
     * Resolves a {@code DatabaseSource} (or the legacy {@code fromDatabase}) of a create request into the source
     * JSON to store; the referenced database and backup must exist and be visible.
     */
    private ObjectNode resolveSource(Call call, JsonNode source, JsonNode fromDatabase) {
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

    /** Creates a database with its first connection and first backup. */
    private Database provisionDatabase(Project p, String name, String regionId, boolean makeDefault,
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

    private void checkDatabaseLogicalId(Database self, String projectId, String branchId, String logicalId) {
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

    private void checkBucketLogicalId(Bucket self, String projectId, String branchId, String logicalId) {
        if (logicalId == null) {
            return;
        }
        for (Bucket b : store.buckets.values()) {
            if (b != self && b.projectId.equals(projectId) && Objects.equals(b.branchId, branchId)
                    && logicalId.equals(b.logicalId)) {
                throw ApiException.conflict("A bucket with the logicalId \"" + logicalId
                        + "\" already exists on this branch (" + b.id + ").");
            }
        }
    }

    // ==== me and workspaces ========================================================================================

    private Result getMe(Call call) {
        Principal pr = call.principal();
        ObjectNode me = Json.object();
        if (pr.userId() == null) {
            me.putNull("user");
        } else {
            Optional<OAuthBackend.User> u = oauth.user(pr.userId());
            ObjectNode user = me.putObject("user");
            user.put("id", pr.userId());
            user.put("email", u.map(OAuthBackend.User::email).orElse(pr.userId() + "@example.test"));
            String name = u.map(OAuthBackend.User::name).orElse(null);
            if (name == null) {
                user.putNull("name");
            } else {
                user.put("name", name);
            }
        }
        Workspace w = store.workspaces.get(pr.workspaceId());
        ObjectNode ws = me.putObject("workspace");
        ws.put("id", pr.workspaceId());
        ws.put("name", w == null ? pr.workspaceId() : w.name);
        ObjectNode cred = me.putObject("credential");
        cred.put("type", pr.type());
        cred.put("id", pr.credentialId());
        cred.put("name", pr.credentialName());
        return Result.ok(Json.data(me));
    }

    private Result listWorkspaces(Call call) {
        List<Workspace> own = Store.select(store.workspaces, w -> w.id.equals(call.workspaceId()));
        return Result.ok(list(call, own, false, render::workspace));
    }

    private Result getWorkspace(Call call) {
        return Result.ok(Json.data(render.workspace(ownWorkspace(call, call.path("id")))));
    }

    private Result getSubscription(Call call) {
        return Result.ok(Json.data(render.subscription(ownWorkspace(call, call.path("id")))));
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
            Database d = provisionDatabase(p, p.name, region != null ? region : Regions.DEFAULT, true,
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

    private Result listProjectDatabases(Call call) {
        Project p = project(call, call.path("projectId"), false);
        List<Database> items = Store.select(store.databases, d -> d.projectId.equals(p.id));
        return Result.ok(list(call, items, false, d -> render.database(d, call.now(), null)));
    }

    private Result createProjectDatabase(Call call) {
        Project p = project(call, call.path("projectId"), true);
        JsonNode body = call.body();
        String name = str(body, "name", 400, true);
        String region = regionFor(p, str(body, "region", 400, true));
        ObjectNode source = resolveSource(call, body.get("source"), body.get("fromDatabase"));
        Database d = provisionDatabase(p, name != null ? name : "database-" + Ids.hex(6), region,
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
        if (logicalId != null && gitName != null) {
            throw ApiException.badRequest("logicalId and branchGitName cannot be used together; use branchId.", true);
        }
        if (branchId != null && gitName != null) {
            throw ApiException.badRequest("branchId and branchGitName cannot be used together.", true);
        }
        String branch = resolveBranch(p, branchId, gitName, true, msg -> ApiException.badRequest(msg, true));
        checkDatabaseLogicalId(null, p.id, branch, logicalId);
        String name = str(body, "name", 400, true);
        String region = regionFor(p, str(body, "region", 400, true));
        ObjectNode source = resolveSource(call, body.get("source"), null);
        Database d = provisionDatabase(p, name != null ? name : "database-" + Ids.hex(6), region,
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
            checkDatabaseLogicalId(d, p.id, target, d.logicalId);
            d.branchId = target;
        }
        if (logicalId != null) {
            checkDatabaseLogicalId(d, p.id, d.branchId, logicalId);
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

    private Result listBackups(Call call) {
        Database d = database(call, call.path("databaseId"), false);
        String limitParam = call.query("limit");
        Integer limit = limitParam == null ? null : paging.limit(limitParam);
        List<Backup> all = Store.select(store.backups, b -> b.databaseId.equals(d.id));
        all.sort(Comparator.comparingLong((Backup b) -> b.seq).reversed());
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        int n = 0;
        for (Backup b : all) {
            if (limit != null && n == limit) {
                break;
            }
            data.add(render.backup(b));
            n++;
        }
        body.putObject("meta").put("backupRetentionDays", BACKUP_RETENTION_DAYS);
        ObjectNode pg = body.putObject("pagination");
        pg.put("hasMore", n < all.size());
        if (limit == null) {
            pg.putNull("limit");
        } else {
            pg.put("limit", limit);
        }
        return Result.ok(body);
    }

    private Result restoreDatabase(Call call) {
        Database target = database(call, call.path("targetDatabaseId"), false);
        JsonNode source = call.body().get("source");
        if (source == null || !source.isObject()) {
            throw ApiException.unprocessable("source is required.");
        }
        if (!"backup".equals(Json.text(source, "type"))) {
            throw ApiException.unprocessable("Only sources of type \"backup\" can be restored.");
        }
        String sourceDbId = Json.text(source, "databaseId");
        String backupId = Json.text(source, "backupId");
        Database from = sourceDbId == null ? null : store.databases.get(sourceDbId);
        if (from == null || !visibleDatabase(call, from)) {
            throw ApiException.notFound("Source database", String.valueOf(sourceDbId));
        }
        Backup b = backupId == null ? null : store.backups.get(backupId);
        if (b == null || !b.databaseId.equals(from.id)) {
            throw ApiException.notFound("Backup", String.valueOf(backupId));
        }
        if (!"completed".equals(b.status)) {
            throw ApiException.unprocessable("Backup \"" + b.id + "\" is " + b.status + " and cannot be used.");
        }
        String status = target.status(call.now());
        if (!"ready".equals(status)) {
            throw ApiException.conflict("Database \"" + target.id + "\" is " + status + " and cannot be restored now.");
        }
        target.recoveringUntil = call.now().plus(store.restoreDelay());
        target.source = backupSource(from.id, b.id);
        stats.event(ApiStats.DATABASES_RESTORED);
        return Result.ok(Json.data(render.database(target, call.now(), "recovering")));
    }

    private static Instant parseDate(String text, boolean endOfDay, String name) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e3) {
                    throw ApiException.badRequest(name + " must be an ISO-8601 date or date-time, got \"" + text
                            + "\".", true);
                }
            }
        }
    }

    private Result getUsage(Call call) {
        Database d = database(call, call.path("databaseId"), false);
        Instant now = call.now();
        String startParam = call.query("startDate");
        String endParam = call.query("endDate");
        Instant end = endParam == null ? now : parseDate(endParam, true, "endDate");
        Instant start = startParam == null
                ? now.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : parseDate(startParam, false, "startDate");
        if (start.isAfter(end)) {
            throw ApiException.badRequest("startDate must not be after endDate.", true);
        }
        // Plausible figures: proportional to how long the database existed within the period.
        Instant from = start.isBefore(d.createdAt) ? d.createdAt : start;
        Instant to = end.isAfter(now) ? now : end;
        long seconds = Math.max(0, Duration.between(from, to).getSeconds());
        long perHour = 50 + Math.floorMod(d.id.hashCode(), 450);
        long ops = seconds * perHour / 3600;
        double gib = Math.round((0.01 + Math.floorMod(d.id.hashCode() >>> 8, 500) / 1000.0) * 1000) / 1000.0;
        ObjectNode body = Json.object();
        ObjectNode period = body.putObject("period");
        period.put("start", Json.time(start));
        period.put("end", Json.time(end));
        ObjectNode metrics = body.putObject("metrics");
        ObjectNode o = metrics.putObject("operations");
        o.put("used", ops);
        o.put("unit", "ops");
        ObjectNode s = metrics.putObject("storage");
        s.put("used", gib);
        s.put("unit", "GiB");
        body.put("generatedAt", Json.time(now));
        return Result.ok(body);
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

    // ==== service tokens ===========================================================================================

    private Result listServiceTokens(Call call) {
        String ws = call.path("workspaceId");
        // Documented: an unknown workspace, or one the caller is not a member of, gives an empty list.
        List<ServiceToken> items = ws.equals(call.workspaceId())
                ? Store.select(store.serviceTokens, t -> t.workspaceId.equals(ws)) : List.of();
        return Result.ok(list(call, items, true, render::serviceToken));
    }

    private Result createServiceToken(Call call) {
        Workspace w = ownWorkspace(call, call.path("workspaceId"));
        String name = str(call.body(), "name", 422, true);
        if (name == null || name.isBlank()) {
            throw ApiException.unprocessable("name is required and must not be empty.");
        }
        Store.IssuedServiceToken issued = store.addServiceToken(w.id, name, null, null);
        stats.event(ApiStats.SERVICE_TOKENS_CREATED);
        ObjectNode out = render.serviceToken(issued.token());
        out.put("value", issued.value());
        return Result.created(Json.data(out));
    }

    private Result deleteServiceToken(Call call) {
        Workspace w = ownWorkspace(call, call.path("workspaceId"));
        String id = call.path("serviceTokenId");
        ServiceToken t = store.serviceTokens.get(id);
        if (t == null || !t.workspaceId.equals(w.id)) {
            throw ApiException.notFound("Service token", id);
        }
        store.removeServiceToken(id);
        stats.event(ApiStats.SERVICE_TOKENS_DELETED);
        return Result.noContent();
    }

    // ==== integrations =============================================================================================

    /** A grant seen through the list machinery, which needs a stable sequence number. */
    private static final class GrantItem extends Entity {
        final OAuthBackend.Grant grant;

        GrantItem(OAuthBackend.Grant grant, long seq) {
            super(grant.grantId(), seq, grant.createdAt());
            this.grant = grant;
        }
    }

    private List<GrantItem> grantItems(String workspaceId) {
        List<OAuthBackend.Grant> grants = new ArrayList<>(oauth.activeGrants(workspaceId));
        grants.sort(Comparator.comparing(OAuthBackend.Grant::createdAt).thenComparing(OAuthBackend.Grant::grantId));
        List<GrantItem> out = new ArrayList<>();
        for (OAuthBackend.Grant g : grants) {
            long seq = grantSeq.computeIfAbsent(g.grantId(), k -> store.nextSeq());
            out.add(new GrantItem(g, seq));
        }
        out.sort(Comparator.comparingLong(i -> i.seq));
        return out;
    }

    private JsonNode integrationJson(GrantItem item) {
        return render.integration(item.grant, oauth.user(item.grant.userId()).orElse(null));
    }

    private Result listIntegrations(Call call) {
        String ws = call.query("workspaceId");
        if (ws == null) {
            throw ApiException.badRequest("workspaceId is required.", false);
        }
        List<GrantItem> items = ws.equals(call.workspaceId()) ? grantItems(ws) : List.of();
        return Result.ok(list(call, items, false, this::integrationJson));
    }

    private OAuthBackend.Grant ownGrant(Call call, String id) {
        return oauth.activeGrant(id).filter(g -> g.workspaceId().equals(call.workspaceId()))
                .orElseThrow(() -> ApiException.notFound("Integration", id));
    }

    private Result getIntegration(Call call) {
        OAuthBackend.Grant g = ownGrant(call, call.path("id"));
        long seq = grantSeq.computeIfAbsent(g.grantId(), k -> store.nextSeq());
        return Result.ok(Json.data(integrationJson(new GrantItem(g, seq))));
    }

    private Result deleteIntegration(Call call) {
        OAuthBackend.Grant g = ownGrant(call, call.path("id"));
        oauth.revokeGrant(g.grantId());
        stats.event(ApiStats.INTEGRATIONS_REVOKED);
        return Result.noContent();
    }

    private Result listWorkspaceIntegrations(Call call) {
        Workspace w = ownWorkspace(call, call.path("workspaceId"));
        return Result.ok(list(call, grantItems(w.id), false, this::integrationJson));
    }

    private Result revokeWorkspaceIntegration(Call call) {
        Workspace w = ownWorkspace(call, call.path("workspaceId"));
        String clientId = call.path("clientId");
        int n = oauth.revokeClient(w.id, clientId);
        if (n == 0) {
            throw ApiException.notFound("Integration of the client", clientId);
        }
        for (int i = 0; i < n; i++) {
            stats.event(ApiStats.INTEGRATIONS_REVOKED);
        }
        return Result.noContent();
    }

    // ==== regions ==================================================================================================

    private static ObjectNode region(String id, String name, String product) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("type", "region");
        n.put("name", name);
        if (product != null) {
            n.put("product", product);
        }
        n.put("status", "available");
        return n;
    }

    private Result listRegions(Call call) {
        String product = call.query("product");
        ArrayNode data = Json.array();
        if (product == null || "postgres".equals(product)) {
            Regions.POSTGRES.forEach((id, name) -> data.add(region(id, name, "postgres")));
        }
        if (product == null || "accelerate".equals(product)) {
            Regions.ACCELERATE.forEach((id, name) -> data.add(region(id, name, "accelerate")));
        }
        return Result.ok(Json.data(data));
    }

    private Result listPostgresRegions(Call call) {
        ArrayNode data = Json.array();
        Regions.POSTGRES.forEach((id, name) -> data.add(region(id, name, null)));
        return Result.ok(Json.data(data));
    }

    private Result listAccelerateRegions(Call call) {
        ArrayNode data = Json.array();
        Regions.ACCELERATE.forEach((id, name) -> {
            ObjectNode n = region(id, name, null);
            n.remove("status");
            data.add(n);
        });
        return Result.ok(Json.data(data));
    }

    // ==== buckets ==================================================================================================

    private Result listBuckets(Call call) {
        String projectId = call.query("projectId");
        String logicalId = call.query("logicalId");
        Predicate<String> branch = branchFilter(call);
        List<Bucket> items = Store.select(store.buckets, b -> call.workspaceId().equals(store.workspaceOfBucket(b))
                && (projectId == null || b.projectId.equals(projectId))
                && (logicalId == null || logicalId.equals(b.logicalId))
                && branch.test(b.branchId));
        return Result.ok(list(call, items, false, render::bucket));
    }

    private Result createBucket(Call call) {
        JsonNode body = call.body();
        String projectId = str(body, "projectId", 400, true);
        if (projectId == null) {
            throw ApiException.badRequest("projectId is required.", true);
        }
        Project p = project(call, projectId, true);
        String branchId = str(body, "branchId", 400, true);
        String gitName = str(body, "branchGitName", 400, true);
        if (branchId != null && gitName != null) {
            throw ApiException.badRequest("branchId and branchGitName cannot be used together.", true);
        }
        String branch = branchId == null && gitName == null ? null
                : resolveBranch(p, branchId, gitName, false, msg -> new ApiException(404, "not_found", msg));
        String logicalId = str(body, "logicalId", 400, true);
        checkBucketLogicalId(null, p.id, branch, logicalId);
        String name = str(body, "name", 400, true);
        if (name != null && name.isBlank()) {
            throw ApiException.badRequest("name must not be empty.", true);
        }
        Bucket b = store.newBucket(p.id, "pdp-" + Ids.hex(20));
        b.name = name != null ? name : "bucket-" + Ids.hex(6);
        b.status = "active";
        b.branchId = branch;
        b.logicalId = logicalId;
        stats.event(ApiStats.BUCKETS_CREATED);
        return Result.created(Json.data(render.bucket(b)));
    }

    private Result getBucket(Call call) {
        return Result.ok(Json.data(render.bucket(bucket(call, call.path("bucketId")))));
    }

    private Result updateBucket(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        Project p = store.projects.get(b.projectId);
        JsonNode body = call.body();
        String displayName = str(body, "displayName", 422, true);
        String branchId = str(body, "branchId", 422, true);
        String gitName = str(body, "branchGitName", 422, true);
        String logicalId = str(body, "logicalId", 422, true);
        if (displayName == null && branchId == null && gitName == null && logicalId == null) {
            throw ApiException.unprocessable("Give at least one of displayName, branchId, branchGitName, logicalId.");
        }
        if (displayName != null && displayName.isBlank()) {
            throw ApiException.unprocessable("displayName must not be empty.");
        }
        if (branchId != null && gitName != null) {
            throw ApiException.unprocessable("branchId and branchGitName cannot be used together.");
        }
        boolean move = branchId != null || gitName != null;
        if (move && logicalId != null) {
            throw ApiException.unprocessable("A branch move and a logicalId change must be separate requests.");
        }
        if (move) {
            String target = resolveBranch(p, branchId, gitName, true,
                    msg -> new ApiException(404, "not_found", msg));
            checkBucketLogicalId(b, p.id, target, b.logicalId);
            b.branchId = target;
        }
        if (logicalId != null) {
            checkBucketLogicalId(b, p.id, b.branchId, logicalId);
            b.logicalId = logicalId;
        }
        if (displayName != null) {
            b.name = displayName;
        }
        return Result.ok(Json.data(render.bucket(b)));
    }

    private Result deleteBucket(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        store.removeBucket(b.id);
        return Result.noContent();
    }

    private Result listBucketKeys(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        List<BucketKey> items = Store.select(store.bucketKeys, k -> k.bucketId.equals(b.id));
        return Result.ok(list(call, items, false, render::bucketKey));
    }

    private Result createBucketKey(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        JsonNode body = call.body();
        String role = str(body, "role", 400, true);
        if (!"read".equals(role) && !"read_write".equals(role)) {
            throw ApiException.badRequest("role must be \"read\" or \"read_write\".", true);
        }
        String name = str(body, "name", 400, true);
        String accessKeyId = "PDPK" + Ids.secret(16).toUpperCase(java.util.Locale.ROOT);
        String secret = Ids.secret(40);
        String hint = "…" + secret.substring(secret.length() - 4);
        BucketKey k = store.newBucketKey(b.id, name != null ? name : "key-" + Ids.hex(6), role, accessKeyId, hint);
        stats.event(ApiStats.BUCKET_KEYS_CREATED);
        ObjectNode out = render.bucketKey(k);
        out.put("secretAccessKey", secret);
        out.put("accessKeyId", accessKeyId);
        out.put("endpoint", "https://storage.prisma-data.net");
        out.put("bucketName", b.providerName);
        return Result.created(Json.data(out));
    }

    private Result deleteBucketKey(Call call) {
        Bucket b = bucket(call, call.path("bucketId"));
        String keyId = call.path("keyId");
        BucketKey k = store.bucketKeys.get(keyId);
        if (k == null || !k.bucketId.equals(b.id)) {
            throw ApiException.notFound("Bucket key", keyId);
        }
        store.bucketKeys.remove(keyId);
        return Result.noContent();
    }
}
