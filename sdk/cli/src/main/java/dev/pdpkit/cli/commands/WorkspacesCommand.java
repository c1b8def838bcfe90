package dev.pdpkit.cli.commands;

import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code pdp workspaces}: list the workspaces the credential can see, or show one. */
@Command(name = "workspaces", description = "List workspaces (the default) or show one.",
        subcommands = {WorkspacesCommand.ListWorkspaces.class, WorkspacesCommand.Get.class})
public final class WorkspacesCommand extends PdpCommand {
    @Mixin
    Paging paging = new Paging();

    WorkspacesCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        return list(session, paging);
    }

    /** {@code pdp workspaces list}: the same as {@code pdp workspaces}. */
    @Command(name = "list", description = "List workspaces.")
    static final class ListWorkspaces extends PdpCommand {
        @Mixin
        Paging paging = new Paging();

        ListWorkspaces(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            return list(session, paging);
        }
    }

    static int list(Session session, Paging paging) {
        session.output().list(paging.collect(session.client().workspaces().list(), Views::workspace), "id", "name",
                "createdAt");
        return 0;
    }

    /** {@code pdp workspaces get ID}. */
    @Command(name = "get", description = "Show a workspace.")
    static final class Get extends PdpCommand {
        @Parameters(paramLabel = "WORKSPACE_ID")
        String id;

        Get(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            out().object(Views.workspace(client().workspaces().get(id)));
            return 0;
        }
    }
}
