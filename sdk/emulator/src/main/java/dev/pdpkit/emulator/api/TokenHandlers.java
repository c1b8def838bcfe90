package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.ServiceToken;
import dev.pdpkit.emulator.api.Model.Workspace;
import java.util.List;
import java.util.Map;

/** Handlers of a workspace's service tokens. */
final class TokenHandlers extends HandlerGroup {
    TokenHandlers(ApiContext ctx) {
        super(ctx);
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1WorkspacesByWorkspaceIdService-tokens", this::listServiceTokens);
        h.put("postV1WorkspacesByWorkspaceIdService-tokens", this::createServiceToken);
        h.put("deleteV1WorkspacesByWorkspaceIdService-tokensByServiceTokenId", this::deleteServiceToken);
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
}
