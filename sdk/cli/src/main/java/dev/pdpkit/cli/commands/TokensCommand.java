package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.internal.CliException;
import dev.pdpkit.cli.internal.ExitCodes;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.SecretOptions;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.CreatedServiceToken;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.model.ServiceToken;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pdp tokens}: a workspace's service tokens: list, create, delete, rotate. */
@Command(name = "tokens", description = "Manage the workspace's service tokens.",
        subcommands = {TokensCommand.ListTokens.class, TokensCommand.Create.class, TokensCommand.Delete.class,
            TokenRotation.class})
public final class TokensCommand extends PdpCommand {
    TokensCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        return usage();
    }

    /** {@code --workspace}: defaults to the workspace of the current credential ({@code GET /v1/me}). */
    static final class WorkspaceOption {
        @Option(names = "--workspace", paramLabel = "WORKSPACE_ID", description = "Default: the credential's.")
        String id;

        String resolve(PrismaManagement client) {
            if (id != null) {
                return id;
            }
            Me me = client.me().get();
            return me.workspace().map(w -> w.id()).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                    "the credential is not bound to a workspace: pass --workspace"));
        }
    }

    /** The shape of a new token: its value only with {@code --show-secrets}, else null. */
    static ObjectNode created(CreatedServiceToken t, SecretOptions secrets) {
        ObjectNode o = Output.object();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("valueHint", t.valueHint());
        o.put("createdAt", Views.time(t.createdAt()));
        o.put("expiresAt", t.expiresAt().map(Views::time).orElse(null));
        o.put("value", secrets.show() ? t.value() : null);
        o.put("writtenTo", secrets.store(t.value()) ? secrets.output().toString() : null);
        return o;
    }

    /** {@code pdp tokens list}. */
    @Command(name = "list", description = "List service tokens (values are never shown, only hints).")
    static final class ListTokens extends PdpCommand {
        @Mixin
        Paging paging = new Paging();

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        ListTokens(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            String ws = workspace.resolve(client());
            out().list(paging.collect(client().workspaces().serviceTokens().list(ws), Views::token), "id", "name",
                    "valueHint", "createdAt", "expiresAt");
            return 0;
        }
    }

    /** {@code pdp tokens create --name N [--show-secrets | --output FILE [--force]]}. */
    @Command(name = "create", description = "Create a service token; its value is shown only with --show-secrets,"
            + " or written to --output FILE (mode 0600).")
    static final class Create extends PdpCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Mixin
        SecretOptions secrets = new SecretOptions();

        Create(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            secrets.checkBeforeCreate();
            String ws = workspace.resolve(client());
            CreatedServiceToken t = client().workspaces().serviceTokens().create(
                    WorkspaceServiceTokenCreateParams.builder().workspaceId(ws).name(name).build());
            if (!secrets.show() && secrets.output() == null) {
                out().note("The token's value is not shown: it cannot be read again. Use --show-secrets or --output"
                        + " FILE, or delete token " + t.id() + ".");
            }
            out().object(created(t, secrets));
            return 0;
        }
    }

    /** {@code pdp tokens delete ID}. */
    @Command(name = "delete", description = "Delete a service token.")
    static final class Delete extends PdpCommand {
        @Parameters(paramLabel = "TOKEN_ID")
        String id;

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        Delete(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            client().workspaces().serviceTokens().delete(workspace.resolve(client()), id);
            out().done("Deleted service token " + id, Output.object().put("id", id).put("deleted", true));
            return 0;
        }
    }

    static String describe(ServiceToken t) {
        return t.id() + " \"" + t.name() + "\" (" + t.valueHint() + ", created " + Views.time(t.createdAt()) + ")";
    }
}
