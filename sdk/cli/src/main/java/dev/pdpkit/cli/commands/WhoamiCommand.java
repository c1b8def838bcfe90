package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.model.Me;
import picocli.CommandLine.Command;

/** {@code pdp whoami}: the credential, workspace and user the API sees ({@code GET /v1/me}). */
@Command(name = "whoami", description = "Show who the API sees: credential, workspace and user.")
public final class WhoamiCommand extends PdpCommand {
    WhoamiCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        Me me = client().me().get();
        ObjectNode o = Output.object();
        o.put("auth", session.authMethod());
        o.put("credentialType", me.credential().type() == null ? null : me.credential().type().asString());
        o.put("credentialId", me.credential().id().orElse(null));
        o.put("credentialName", me.credential().name().orElse(null));
        o.put("workspaceId", me.workspace().map(w -> w.id()).orElse(null));
        o.put("workspaceName", me.workspace().map(w -> w.name()).orElse(null));
        o.put("userId", me.user().map(u -> u.id()).orElse(null));
        o.put("userEmail", me.user().map(u -> u.email()).orElse(null));
        o.put("apiUrl", client().baseUrl());
        if (out().quiet() && !out().json()) {
            // The value scripts want from whoami.
            session.env().out().println(me.workspace().map(w -> w.id()).orElse(""));
        } else {
            out().object(o);
        }
        return 0;
    }
}
