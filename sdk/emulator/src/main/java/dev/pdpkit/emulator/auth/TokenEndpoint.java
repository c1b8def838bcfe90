package dev.pdpkit.emulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.pdpkit.emulator.internal.http.HttpRequest;
import dev.pdpkit.emulator.internal.http.HttpResponse;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** {@code /token} (authorization code with PKCE, refresh with rotation) and {@code /revoke} (RFC 7009). */
final class TokenEndpoint {
    final AtomicLong tokenRequests = new AtomicLong();
    final AtomicLong codeExchanges = new AtomicLong();
    final AtomicLong refreshes = new AtomicLong();
    final AtomicLong revocationRequests = new AtomicLong();

    private final ClientAuthenticator clients;
    private final GrantRegistry registry;
    private final TokenIssuer issuer;
    private final TokenSigner signer;
    private final Clock clock;

    TokenEndpoint(ClientAuthenticator clients, GrantRegistry registry, TokenIssuer issuer, TokenSigner signer,
                  Clock clock) {
        this.clients = clients;
        this.registry = registry;
        this.issuer = issuer;
        this.signer = signer;
        this.clock = clock;
    }

    HttpResponse token(HttpRequest request) throws IOException, OAuthError {
        tokenRequests.incrementAndGet();
        requirePost(request);
        Map<String, String> form = HttpIo.readForm(request);
        RegisteredClient client = clients.authenticate(request, form);
        String grantType = form.get("grant_type");
        Instant now = clock.instant();
        if ("authorization_code".equals(grantType)) {
            codeExchanges.incrementAndGet();
            GrantRegistry.Grant grant = registry.redeemCode(required(form, "code"), client.clientId(),
                    required(form, "redirect_uri"), form.get("code_verifier"), now);
            return HttpIo.json(200, issuer.tokenResponse(grant, now));
        }
        if ("refresh_token".equals(grantType)) {
            refreshes.incrementAndGet();
            GrantRegistry.Grant grant = registry.rotate(required(form, "refresh_token"), client.clientId(), now);
            String scope = form.get("scope");
            if (scope != null) {
                Set<String> asked = TokenIssuer.parseScopes(scope);
                if (asked == null || !grant.scopes.containsAll(asked)) {
                    throw new OAuthError("invalid_scope", "a refresh cannot widen the granted scope");
                }
            }
            return HttpIo.json(200, issuer.tokenResponse(grant, now));
        }
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        throw new OAuthError("unsupported_grant_type", "unsupported grant_type");
    }

    HttpResponse revoke(HttpRequest request) throws IOException, OAuthError {
        revocationRequests.incrementAndGet();
        requirePost(request);
        Map<String, String> form = HttpIo.readForm(request);
        RegisteredClient client = clients.authenticate(request, form);
        String token = required(form, "token");
        GrantRegistry.RevokeOutcome outcome = GrantRegistry.RevokeOutcome.UNKNOWN;
        if (!"access_token".equals(form.get("token_type_hint"))) {
            outcome = registry.revokeRefreshToken(token, client.clientId());
        }
        if (outcome == GrantRegistry.RevokeOutcome.UNKNOWN) {
            outcome = revokeAccessToken(token, client.clientId());
        }
        if (outcome == GrantRegistry.RevokeOutcome.OTHER_CLIENT) {
            throw new OAuthError("unauthorized_client", "the token was issued to another client");
        }
        // RFC 7009 section 2.2: unknown tokens are answered with 200 as well.
        return HttpResponse.empty(200);
    }

    private GrantRegistry.RevokeOutcome revokeAccessToken(String token, String clientId) {
        JWTClaimsSet claims = signer.verify(token);
        if (claims == null) {
            return GrantRegistry.RevokeOutcome.UNKNOWN;
        }
        try {
            String grantId = claims.getStringClaim("grant_id");
            return grantId == null || claims.getJWTID() == null ? GrantRegistry.RevokeOutcome.UNKNOWN
                    : registry.revokeAccessToken(grantId, claims.getJWTID(), clientId);
        } catch (ParseException e) {
            return GrantRegistry.RevokeOutcome.UNKNOWN;
        }
    }

    private static void requirePost(HttpRequest request) throws OAuthError {
        if (!request.method().equals("POST")) {
            throw new OAuthError("invalid_request", "method not allowed; use POST", 405);
        }
    }

    private static String required(Map<String, String> form, String name) throws OAuthError {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }
}
