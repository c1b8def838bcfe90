package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.api.Model.Entity;
import dev.pdpkit.emulator.api.Model.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Handlers of integrations: the OAuth grants of the authorization server, seen from the API. */
final class IntegrationHandlers extends HandlerGroup {
    IntegrationHandlers(ApiContext ctx) {
        super(ctx);
    }

    @Override
    void register(Map<String, ManagementApi.Handler> h) {
        h.put("getV1Integrations", this::listIntegrations);
        h.put("getV1IntegrationsById", this::getIntegration);
        h.put("deleteV1IntegrationsById", this::deleteIntegration);
        h.put("getV1WorkspacesByWorkspaceIdIntegrations", this::listWorkspaceIntegrations);
        h.put("deleteV1WorkspacesByWorkspaceIdIntegrationsByClientId", this::revokeWorkspaceIntegration);
    }

    /** Stable list positions for OAuth grants, which live in the authorization server. */
    private final Map<String, Long> grantSeq = new HashMap<>();

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
}
