package dev.pdpkit.emulator.auth;

import dev.pdpkit.emulator.api.OAuthBackend;
import dev.pdpkit.emulator.api.OAuthPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The authorization server seen through the interface the Management API half consumes. */
final class BackendView implements OAuthBackend {
    private final AuthServer server;
    private final Map<String, RegisteredClient> clients;
    private final Map<String, EmulatedUser> users;
    private final Instant clientsCreatedAt;

    BackendView(AuthServer server, Map<String, RegisteredClient> clients, Map<String, EmulatedUser> users,
                Instant clientsCreatedAt) {
        this.server = server;
        this.clients = clients;
        this.users = users;
        this.clientsCreatedAt = clientsCreatedAt;
    }

    @Override
    public Optional<OAuthPrincipal> verifyAccessToken(String accessToken) {
        return server.verifyAccessToken(accessToken).map(g -> new OAuthPrincipal(g.grantId(), g.clientId(),
                g.userId(), g.workspaceId(), g.scopes(), g.expiresAt()));
    }

    @Override
    public List<Grant> activeGrants(String workspaceId) {
        List<Grant> out = new ArrayList<>();
        for (GrantInfo g : server.grantsForWorkspace(workspaceId)) {
            if (!g.revoked()) {
                out.add(toGrant(g));
            }
        }
        return out;
    }

    @Override
    public Optional<Grant> activeGrant(String grantId) {
        return server.grant(grantId).filter(g -> !g.revoked()).map(this::toGrant);
    }

    @Override
    public boolean revokeGrant(String grantId) {
        return server.revokeGrant(grantId);
    }

    @Override
    public int revokeClient(String workspaceId, String clientId) {
        return server.revokeGrants(workspaceId, clientId);
    }

    @Override
    public Optional<User> user(String userId) {
        EmulatedUser u = users.get(userId);
        return u == null ? Optional.empty() : Optional.of(new User(u.id(), u.email(), u.email()));
    }

    private Grant toGrant(GrantInfo g) {
        RegisteredClient c = clients.get(g.clientId());
        return new Grant(g.grantId(), g.clientId(), c == null ? g.clientId() : c.name(), clientsCreatedAt,
                g.userId(), g.workspaceId(), g.scopes(), g.createdAt());
    }
}
