package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.SecretOptions;
import dev.pdpkit.cli.internal.Secrets;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.model.ConnectionCreateParams;
import dev.pdpkit.client.model.ConnectionListParams;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.EndpointWithSecret;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pdp connections}: list, create, rotate, delete. */
@Command(name = "connections", description = "Manage database connections (credentials).",
        subcommands = {ConnectionsCommand.ListConnections.class, ConnectionsCommand.Create.class,
            ConnectionsCommand.Rotate.class, ConnectionsCommand.Delete.class})
public final class ConnectionsCommand extends PdpCommand {
    ConnectionsCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        return usage();
    }

    /**
     * The shape of a connection with its secrets: connection strings masked unless {@code --show-secrets}, and
     * {@code writtenTo} naming the {@code --output} file that received the direct connection string.
     */
    static ObjectNode withSecrets(ConnectionWithSecrets c, SecretOptions secrets) {
        ObjectNode o = Output.object();
        o.put("id", c.id());
        o.put("name", c.name());
        o.put("databaseId", c.database() == null ? null : c.database().id());
        o.put("kind", c.kind() == null ? null : c.kind().asString());
        o.put("host", c.host().orElse(null));
        o.put("user", c.user().orElse(null));
        o.put("createdAt", Views.time(c.createdAt()));
        o.put("connectionString", secrets.display(c.connectionString(), Secrets.mask(c.connectionString())));
        if (c.endpoints() != null) {
            o.put("pooledConnectionString", endpoint(c.endpoints().pooled(), secrets));
            o.put("accelerateConnectionString", endpoint(c.endpoints().accelerate(), secrets));
        }
        o.put("secretsShown", secrets.show());
        o.put("writtenTo", secrets.store(c.connectionString()) ? secrets.output().toString() : null);
        return o;
    }

    private static String endpoint(Optional<EndpointWithSecret> e, SecretOptions secrets) {
        return e.map(x -> secrets.display(x.connectionString(), Secrets.mask(x.connectionString()))).orElse(null);
    }

    /** {@code pdp connections list [--database ID]}. */
    @Command(name = "list", description = "List connections, of one database or of the whole workspace.")
    static final class ListConnections extends PdpCommand {
        @Mixin
        Paging paging = new Paging();

        @Option(names = "--database", paramLabel = "DATABASE_ID")
        String databaseId;

        ListConnections(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            ConnectionListParams.Builder p = ConnectionListParams.builder();
            if (databaseId != null) {
                p.databaseId(databaseId);
            }
            out().list(paging.collect(client().connections().list(p.build()), Views::connection), "id", "name",
                    "databaseId", "kind", "host", "createdAt");
            return 0;
        }
    }

    /** {@code pdp connections create --database ID --name N [--show-secrets | --output FILE [--force]]}. */
    @Command(name = "create", description = "Create a connection; its connection string is shown masked unless"
            + " --show-secrets, or written to --output FILE (mode 0600).")
    static final class Create extends PdpCommand {
        @Option(names = "--database", required = true, paramLabel = "DATABASE_ID")
        String databaseId;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Mixin
        SecretOptions secrets = new SecretOptions();

        Create(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            secrets.checkBeforeCreate();
            ConnectionWithSecrets c = client().connections().create(
                    ConnectionCreateParams.builder().databaseId(databaseId).name(name).build());
            out().object(withSecrets(c, secrets));
            return 0;
        }
    }

    /** {@code pdp connections rotate ID [--show-secrets | --output FILE [--force]]}. */
    @Command(name = "rotate", description = "Rotate a connection's password; the new connection string is shown"
            + " masked unless --show-secrets, or written to --output FILE (mode 0600).")
    static final class Rotate extends PdpCommand {
        @Parameters(paramLabel = "CONNECTION_ID")
        String id;

        @Mixin
        SecretOptions secrets = new SecretOptions();

        Rotate(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            secrets.checkBeforeCreate();
            out().object(withSecrets(client().connections().rotate(id), secrets));
            return 0;
        }
    }

    /** {@code pdp connections delete ID}. */
    @Command(name = "delete", description = "Delete a connection.")
    static final class Delete extends PdpCommand {
        @Parameters(paramLabel = "CONNECTION_ID")
        String id;

        Delete(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            client().connections().delete(id);
            out().done("Deleted connection " + id, Output.object().put("id", id).put("deleted", true));
            return 0;
        }
    }
}
