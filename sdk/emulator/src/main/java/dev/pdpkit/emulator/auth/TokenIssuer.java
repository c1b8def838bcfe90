package dev.pdpkit.emulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Mints the token response of a grant: a signed access token and, with {@code offline_access}, a refresh token. */
final class TokenIssuer {
    private static final Set<String> KNOWN_SCOPES = Set.of(AuthServer.SCOPE_WORKSPACE_ADMIN,
            AuthServer.SCOPE_OFFLINE_ACCESS);

    private final TokenSigner signer;
    private final GrantRegistry registry;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;
    private final Supplier<String> issuer;

    TokenIssuer(TokenSigner signer, GrantRegistry registry, Duration accessTokenLifetime,
                Duration refreshTokenLifetime, Supplier<String> issuer) {
        this.signer = signer;
        this.registry = registry;
        this.accessTokenLifetime = accessTokenLifetime;
        this.refreshTokenLifetime = refreshTokenLifetime;
        this.issuer = issuer;
    }

    Map<String, Object> tokenResponse(GrantRegistry.Grant grant, Instant now) {
        // Rounded up so the server never expires a token before the client expects, given expires_in.
        long lifetimeSeconds = Math.max(1, (accessTokenLifetime.toMillis() + 999) / 1000);
        Instant expiresAt = Instant.ofEpochSecond(now.getEpochSecond() + lifetimeSeconds
                + (now.getNano() > 0 ? 1 : 0));
        String scope = String.join(" ", grant.scopes);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer.get())
                .subject(grant.userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(GrantRegistry.randomToken(12))
                .claim("client_id", grant.clientId)
                .claim("workspace_id", grant.workspaceId)
                .claim("scope", scope)
                .claim("grant_id", grant.id)
                .build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", signer.sign(claims));
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetimeSeconds);
        body.put("scope", scope);
        if (grant.scopes.contains(AuthServer.SCOPE_OFFLINE_ACCESS)) {
            body.put("refresh_token", registry.newRefreshToken(grant, now.plus(refreshTokenLifetime)));
        }
        return body;
    }

    /** @return the requested scopes, {@code workspace:admin} when none, or null if one is unknown */
    static Set<String> parseScopes(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        if (scopes.isEmpty()) {
            scopes.add(AuthServer.SCOPE_WORKSPACE_ADMIN);
        }
        return KNOWN_SCOPES.containsAll(scopes) ? scopes : null;
    }
}
