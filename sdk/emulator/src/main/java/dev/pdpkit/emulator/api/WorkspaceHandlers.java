package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Handlers of the caller and its workspace: {@code /v1/me}, {@code /v1/workspaces}. */
final class WorkspaceHandlers extends HandlerGroup {
    WorkspaceHandlers(ApiContext ctx) {
        super(ctx);
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1Me", this::getMe);
        h.put("getV1Workspaces", this::listWorkspaces);
        h.put("getV1WorkspacesById", this::getWorkspace);
        h.put("getV1WorkspacesByIdSubscription", this::getSubscription);
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
}
