package dev.pdpkit.cli.internal;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.oauth.FileTokenStore;
import dev.pdpkit.oauth.PrismaOAuth;
import okhttp3.OkHttpClient;

/**
 * The only class of the CLI's core that names the OAuth module: the JVM loads it (and Nimbus) only for a command that
 * signs in, signs out or authenticates with a stored login.
 */
public final class OAuthSupport {
    private OAuthSupport() {
    }

    /**
     * @param session the run
     * @param issuer the authorization server
     * @param clientId the OAuth client id
     * @return a client whose tokens live in the config folder's {@code oauth-tokens.json}
     */
    public static PrismaOAuth oauth(Session session, String issuer, String clientId) {
        PrismaOAuth.Builder b = PrismaOAuth.builder()
                .clientId(clientId)
                .issuer(issuer)
                .discovery(true)
                .tokenStore(new FileTokenStore(session.configDir().resolve(LoginState.TOKENS_FILE)));
        OkHttpClient cleartext = ClientFactory.cleartextClientFor(issuer);
        if (cleartext != null) {
            b.httpClient(cleartext);
        }
        return b.build();
    }

    static Credentials credentials(Session session, LoginState login) {
        return oauth(session, login.issuer(), login.clientId()).credentials();
    }
}
