package dev.pdpkit.cli.commands;

import dev.pdpkit.cli.internal.LoginState;
import dev.pdpkit.cli.internal.OAuthSupport;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import picocli.CommandLine.Command;

/** {@code pdp logout}: revokes the stored login at the authorization server and removes it. */
@Command(name = "logout", description = "Sign out: revoke the stored OAuth login and remove it.")
public final class LogoutCommand extends PdpCommand {
    LogoutCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        LoginState login = LoginState.read(session.configDir()).orElse(null);
        if (login == null) {
            out().done("Not signed in.", Output.object().put("signedOut", false));
            return 0;
        }
        // The OAuth module owns revocation and clearing (under the store's lock); the CLI only forgets where it was.
        OAuthSupport.oauth(session, login.issuer(), login.clientId()).logout();
        LoginState.delete(session.configDir());
        out().done("Signed out.", Output.object().put("signedOut", true));
        return 0;
    }
}
