package dev.pdpkit.emulator.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal stand-in for the authorization server: opaque access tokens issued directly by a test, with grants that
 * can be listed and revoked. Used when no authorization server is wired in.
 */
public final class InMemoryOAuth implements OAuthBackend {
    private final Clock clock;
    private final Map<String, Grant> grants = new LinkedHashMap<>();
    private final Map<String, OAuthPrincipal> tokens = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();

    /**
     * Creates an empty backend.
     *
     * @param clock the clock that dates authorizations and token expiry
     */
    public InMemoryOAuth(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds a user, replacing one with the same id.
     *
     * @param user the user
     */
    public synchronized void addUser(User user) {
        users.put(user.id(), user);
    }

    /**
     * Issues an access token for a new authorization of {@code clientId} by {@code userId} in the workspace.
     *
     * @param workspaceId the workspace the token sees
     * @param userId the user who authorizes
     * @param clientId the OAuth application
     * @param scopes the granted scopes
     * @param ttl how long the access token is valid
     * @return the access token
     */
    public synchronized String issue(String workspaceId, String userId, String clientId, Set<String> scopes,
                                     Duration ttl) {
        Instant now = clock.instant();
        Grant g = new Grant(Ids.id("grant"), clientId, clientId, now, userId, workspaceId, scopes, now);
        grants.put(g.grantId(), g);
        String token = "pat_" + Ids.secret(40);
        tokens.put(token, new OAuthPrincipal(g.grantId(), clientId, userId, workspaceId, scopes, now.plus(ttl)));
        return token;
    }

    @Override
    public synchronized Optional<OAuthPrincipal> verifyAccessToken(String accessToken) {
        OAuthPrincipal p = tokens.get(accessToken);
        if (p == null || !grants.containsKey(p.grantId()) || !clock.instant().isBefore(p.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    @Override
    public synchronized List<Grant> activeGrants(String workspaceId) {
        List<Grant> out = new ArrayList<>();
        for (Grant g : grants.values()) {
            if (g.workspaceId().equals(workspaceId)) {
                out.add(g);
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<Grant> activeGrant(String grantId) {
        return Optional.ofNullable(grants.get(grantId));
    }

    @Override
    public synchronized boolean revokeGrant(String grantId) {
        return grants.remove(grantId) != null;
    }

    @Override
    public synchronized int revokeClient(String workspaceId, String clientId) {
        List<String> ids = new ArrayList<>();
        for (Grant g : grants.values()) {
            if (g.workspaceId().equals(workspaceId) && g.clientId().equals(clientId)) {
                ids.add(g.grantId());
            }
        }
        ids.forEach(this::revokeGrant);
        return ids.size();
    }

    @Override
    public synchronized Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }
}
