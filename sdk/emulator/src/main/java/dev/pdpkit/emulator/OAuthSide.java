package dev.pdpkit.emulator;

import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.api.InMemoryOAuth;
import dev.pdpkit.emulator.api.OAuthBackend;
import dev.pdpkit.emulator.auth.AuthServer;
import dev.pdpkit.emulator.auth.EmulatedUser;
import dev.pdpkit.emulator.auth.EmulatedWorkspace;
import dev.pdpkit.emulator.auth.RegisteredClient;
import dev.pdpkit.emulator.internal.http.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How the authorization server is attached to the emulator: its own embedded one, or a backend of the caller's. */
interface OAuthSide {
    OAuthBackend backend();

    /** Mounts the endpoints, if any, behind the fault script. */
    void mount(Router router, Faults faults, ApiStats stats);

    String issuerUrl();

    String issueAccessToken(String workspaceId, String clientId);

    /** @return the embedded server, or null */
    default AuthServer server() {
        return null;
    }

    /** @return the embedded server's user, or null */
    default EmulatedUser user() {
        return null;
    }

    /** A backend supplied by the caller; nothing is mounted. */
    final class External implements OAuthSide {
        private final OAuthBackend backend;
        private final String issuer;

        External(OAuthBackend backend, String issuer) {
            this.backend = backend;
            this.issuer = issuer;
        }

        @Override
        public OAuthBackend backend() {
            return backend;
        }

        @Override
        public void mount(Router router, Faults faults, ApiStats stats) {
        }

        @Override
        public String issuerUrl() {
            return issuer;
        }

        @Override
        public String issueAccessToken(String workspaceId, String clientId) {
            if (backend instanceof InMemoryOAuth) {
                return ((InMemoryOAuth) backend).issue(workspaceId, "user_emulated", clientId,
                        Set.of(AuthServer.SCOPE_WORKSPACE_ADMIN), Duration.ofHours(1));
            }
            throw new UnsupportedOperationException("the configured OAuth backend cannot issue tokens directly");
        }
    }

    /** The emulator's authorization server, mounted at the root of the API's server. */
    final class Embedded implements OAuthSide {
        private final AuthServer server;
        private final EmulatedUser user;
        private final String issuer;

        Embedded(AuthSettings b, List<SeededWorkspace> workspaces, String issuer) {
            this.issuer = issuer;
            AuthServer.Builder ab = AuthServer.builder().clock(b.clock()).approvalMode(b.approvalMode());
            if (b.accessTokenLifetime() != null) {
                ab.accessTokenLifetime(b.accessTokenLifetime());
            }
            if (b.refreshTokenLifetime() != null) {
                ab.refreshTokenLifetime(b.refreshTokenLifetime());
            }
            for (SeededWorkspace w : workspaces) {
                ab.workspace(new EmulatedWorkspace(w.id(), w.name()));
            }
            // The user belongs to every seeded workspace; the "user" workspace comes first, so automatic approval
            // picks it.
            List<String> memberships = new ArrayList<>();
            memberships.add(workspaces.get(Math.min(1, workspaces.size() - 1)).id());
            for (SeededWorkspace w : workspaces) {
                if (!memberships.contains(w.id())) {
                    memberships.add(w.id());
                }
            }
            this.user = new EmulatedUser(b.userId(), b.userEmail(), memberships);
            ab.user(user).signedInUser(user.id());
            for (RegisteredClient c : b.clients()) {
                ab.client(c);
            }
            this.server = ab.build();
        }

        @Override
        public AuthServer server() {
            return server;
        }

        @Override
        public EmulatedUser user() {
            return user;
        }

        @Override
        public OAuthBackend backend() {
            return server.backend();
        }

        @Override
        public void mount(Router router, Faults faults, ApiStats stats) {
            server.endpoints(issuer).forEach((path, handler) ->
                    router.exact(path, AuthEndpointFaults.wrap(handler, faults, stats)));
        }

        @Override
        public String issuerUrl() {
            return server.issuer();
        }

        @Override
        public String issueAccessToken(String workspaceId, String clientId) {
            return server.issueTokens(clientId, user.id(), workspaceId, Set.of(AuthServer.SCOPE_WORKSPACE_ADMIN))
                    .accessToken();
        }
    }

    /** What the embedded server is built from. */
    record AuthSettings(java.time.Clock clock, dev.pdpkit.emulator.auth.ApprovalMode approvalMode,
                        Duration accessTokenLifetime, Duration refreshTokenLifetime, String userId,
                        String userEmail, java.util.Collection<RegisteredClient> clients) {
    }
}
