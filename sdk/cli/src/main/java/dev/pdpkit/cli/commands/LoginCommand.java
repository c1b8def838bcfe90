package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.internal.CliException;
import dev.pdpkit.cli.internal.ExitCodes;
import dev.pdpkit.cli.internal.LoginState;
import dev.pdpkit.cli.internal.OAuthSupport;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.oauth.LoopbackOptions;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.PrismaOAuth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pdp login}: OAuth 2.0 with PKCE through the browser; the callback is received on 127.0.0.1. The tokens go
 * to {@code oauth-tokens.json} in the config folder, which every later command (and parallel {@code pdp} processes)
 * share and refresh under a file lock.
 */
@Command(name = "login", description = "Sign in through the browser (OAuth 2.0 with PKCE, callback on 127.0.0.1).")
public final class LoginCommand extends PdpCommand {
    /** The authorization server, if not Prisma's. */
    static final String ENV_AUTH_URL = "PRISMA_AUTH_URL";
    /** The OAuth client id of your Prisma OAuth application (public client, loopback redirect). */
    static final String ENV_CLIENT_ID = "PDP_CLIENT_ID";

    @Option(names = "--issuer", paramLabel = "URL", description = "Authorization server (default $" + ENV_AUTH_URL
            + " or " + PrismaOAuth.DEFAULT_ISSUER + ").")
    String issuer;

    @Option(names = "--client-id", paramLabel = "ID", description = "OAuth client id (default $" + ENV_CLIENT_ID
            + "); register a public application with redirect URI http://127.0.0.1/callback.")
    String clientId;

    @Option(names = "--no-browser", description = "Do not open a browser; print the URL to open elsewhere.")
    boolean noBrowser;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to wait for the browser (default ${DEFAULT-VALUE}).")
    String timeout;

    LoginCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        String iss = issuer != null ? issuer : session.env().get(ENV_AUTH_URL);
        iss = iss != null ? iss : PrismaOAuth.DEFAULT_ISSUER;
        String client = clientId != null ? clientId : session.env().get(ENV_CLIENT_ID);
        if (client == null) {
            throw new CliException(ExitCodes.USAGE, "no OAuth client id: pass --client-id or set " + ENV_CLIENT_ID);
        }
        PrismaOAuth oauth = OAuthSupport.oauth(session, iss, client);
        LoopbackOptions options = LoopbackOptions.defaults()
                .openBrowser(!noBrowser)
                .output(session.env().err())
                .timeout(Ages.parse(timeout, "--timeout"));
        if (!noBrowser && session.env().browser() != null) {
            options = options.browser(session.env().browser());
        }
        OAuthTokens tokens = oauth.loginWithLoopback(options);
        new LoginState(iss, client, session.env().get(PrismaManagement.ENV_API_URL)).save(session.configDir());
        ObjectNode o = Output.object();
        o.put("signedIn", true);
        o.put("workspaceId", tokens.workspaceId().orElse(null));
        o.put("scopes", String.join(" ", tokens.scopes()));
        o.put("expiresAt", tokens.expiresAt().map(Object::toString).orElse(null));
        o.put("configDir", session.configDir().toString());
        out().note("Signed in" + tokens.workspaceId().map(w -> " to workspace " + w).orElse("") + ".");
        if (out().json()) {
            out().object(o);
        }
        return 0;
    }
}
