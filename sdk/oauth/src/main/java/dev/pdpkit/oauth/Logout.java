package dev.pdpkit.oauth;

import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.oauth.LogoutResult.Method;
import dev.pdpkit.oauth.LogoutResult.Status;
import dev.pdpkit.oauth.internal.AuthServerClient;
import dev.pdpkit.oauth.internal.IntegrationRevoker;
import dev.pdpkit.oauth.internal.TokenResponses;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PrismaOAuth#logout()}: end the grant at the server first, clear the store only once that is confirmed. */
final class Logout {
    private static final Logger LOG = LoggerFactory.getLogger(Logout.class);

    private final PrismaOAuth oauth;
    private final IntegrationRevoker integrations;

    Logout(PrismaOAuth oauth, String apiUrl, Duration timeout) {
        this.oauth = oauth;
        this.integrations = new IntegrationRevoker(oauth.http(), apiUrl, timeout);
    }

    LogoutResult logout() {
        OAuthTokens current;
        try {
            current = oauth.store().load().orElse(null);
        } catch (TokenStoreException e) {
            if (e.reason() != TokenStoreException.Reason.CORRUPT) {
                throw e;
            }
            clearStore();
            return new LogoutResult(Status.CLEARED_UNREADABLE, Method.NONE, null, null);
        }
        if (current == null) {
            return new LogoutResult(Status.NOT_LOGGED_IN, Method.NONE, null, null);
        }
        LogoutResult result = revoke(current);
        if (result.revoked() || result.status() == Status.ALREADY_ENDED) {
            clearStore();
        }
        return result;
    }

    LogoutResult revoke(OAuthTokens tokens) {
        AuthServerClient.Endpoints endpoints;
        try {
            endpoints = oauth.server().endpoints();
        } catch (OAuthException e) {
            return failed(Method.TOKEN_REVOCATION, tokens, e);
        }
        if (endpoints.revocation() != null) {
            try {
                boolean refresh = tokens.refreshToken().isPresent();
                oauth.server().revoke(refresh ? tokens.refreshToken().get() : tokens.accessToken(), refresh);
                LOG.debug("tokens revoked at the revocation endpoint");
                return new LogoutResult(Status.REVOKED, Method.TOKEN_REVOCATION, null, null);
            } catch (OAuthException e) {
                return failed(Method.TOKEN_REVOCATION, tokens, e);
            }
        }
        return revokeIntegration(tokens);
    }

    private LogoutResult revokeIntegration(OAuthTokens tokens) {
        OAuthTokens usable = tokens;
        try {
            usable = withValidAccessToken(tokens);
            String workspace = usable.workspaceId().orElseThrow(() -> new OAuthException(
                    "the tokens name no workspace, so its integration cannot be found"));
            int n = integrations.revoke(usable.accessToken(), oauth.clientId(), workspace);
            LOG.debug("{} integration(s) of this client revoked through the Management API", n);
            return new LogoutResult(Status.REVOKED, Method.INTEGRATION_REVOCATION, null, null);
        } catch (LoginRequiredException e) {
            return new LogoutResult(Status.ALREADY_ENDED, Method.NONE, null, null);
        } catch (TokenRequestException e) {
            if ("invalid_grant".equals(e.error())) {
                return new LogoutResult(Status.ALREADY_ENDED, Method.NONE, null, null);
            }
            return failed(Method.INTEGRATION_REVOCATION, usable, e);
        } catch (OAuthException e) {
            return failed(Method.INTEGRATION_REVOCATION, usable, e);
        } catch (PrismaException e) {
            return failed(Method.INTEGRATION_REVOCATION, usable,
                    new OAuthException("integration revocation failed: " + e.getMessage(), e));
        }
    }

    /**
     * The integration route calls the API, which needs a live access token. If the stored one expired, refresh it:
     * through the credentials (which save the new pair) when these are the stored tokens, directly otherwise.
     */
    private OAuthTokens withValidAccessToken(OAuthTokens tokens) {
        Instant now = oauth.clock().instant();
        if (!tokens.expiresWithin(now, Duration.ofSeconds(5)) || tokens.refreshToken().isEmpty()) {
            return tokens;
        }
        boolean stored = oauth.store().load().map(tokens::samePair).orElse(false);
        if (stored) {
            return oauth.credentials().tokens();
        }
        AuthServerClient.TokenResult result = oauth.server().refresh(tokens.refreshToken().get());
        return TokenResponses.toTokens(result, now, tokens, tokens.scopes());
    }

    private static LogoutResult failed(Method method, OAuthTokens tokens, OAuthException e) {
        LOG.warn("revocation failed; the tokens were kept so it can be retried: {}", e.getMessage());
        return new LogoutResult(Status.REVOCATION_FAILED, method, tokens, e);
    }

    void clearStore() {
        TokenStore store = oauth.store();
        boolean[] had = {false};
        store.withRefreshLock(() -> {
            try {
                had[0] = store.load().isPresent();
            } catch (TokenStoreException e) {
                had[0] = true; // unreadable: still clear it
            }
            store.clear();
            return null;
        });
        if (had[0]) {
            oauth.notifyListeners(l -> l.onCleared(TokenListener.ClearReason.LOGOUT));
        }
    }
}
