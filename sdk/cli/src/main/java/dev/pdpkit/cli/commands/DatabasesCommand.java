package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.model.BackupSource;
import dev.pdpkit.client.model.CreateRegionId;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.DatabaseListParams;
import dev.pdpkit.client.model.DatabaseRestoreParams;
import dev.pdpkit.client.model.RestoredDatabase;
import dev.pdpkit.client.services.GetOrCreateResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pdp databases}: list, get, create, delete, backups, restore, usage. */
@Command(name = "databases", description = "Manage databases.",
        subcommands = {DatabasesCommand.ListDatabases.class, DatabasesCommand.Get.class, DatabasesCommand.Create.class,
            DatabasesCommand.Delete.class, DatabasesCommand.Backups.class, DatabasesCommand.Restore.class,
            DatabasesCommand.Usage.class, DatabasesCommand.Wait.class})
public final class DatabasesCommand extends PdpCommand {
    DatabasesCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        return usage();
    }

    /** {@code pdp databases list [--project ID]}. */
    @Command(name = "list", description = "List databases, of one project or of the whole workspace.")
    static final class ListDatabases extends PdpCommand {
        @Mixin
        Paging paging = new Paging();

        @Option(names = "--project", paramLabel = "PROJECT_ID")
        String projectId;

        ListDatabases(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            DatabaseListParams.Builder p = DatabaseListParams.builder();
            if (projectId != null) {
                p.projectId(projectId);
            }
            out().list(paging.collect(client().databases().list(p.build()), Views::database), "id", "name",
                    "projectId", "region", "status", "isDefault");
            return 0;
        }
    }

    /** {@code pdp databases get ID}. */
    @Command(name = "get", description = "Show a database.")
    static final class Get extends PdpCommand {
        @Parameters(paramLabel = "DATABASE_ID")
        String id;

        Get(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            out().object(Views.database(client().databases().get(id)));
            return 0;
        }
    }

    /** {@code pdp databases create --project ID [--name N] [--region R] [--logical-id L] [--wait]}. */
    @Command(name = "create", description = "Create a database in a project. With --logical-id a second run returns"
            + " the existing database instead of creating another.")
    static final class Create extends PdpCommand {
        @Option(names = "--project", required = true, paramLabel = "PROJECT_ID")
        String projectId;

        @Option(names = "--name", paramLabel = "NAME")
        String name;

        @Option(names = "--region", paramLabel = "REGION", description = "For example us-east-1 (`pdp regions`).")
        String region;

        @Option(names = "--logical-id", paramLabel = "ID", description = "Your stable key for the database: makes the"
                + " create idempotent.")
        String logicalId;

        @Option(names = "--default", description = "Make it the project's default database.")
        boolean isDefault;

        @Mixin
        DatabaseWait wait = new DatabaseWait();

        Create(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            DatabaseCreateParams.Builder p = DatabaseCreateParams.builder().projectId(projectId);
            if (name != null) {
                p.name(name);
            }
            if (region != null) {
                p.region(CreateRegionId.of(region));
            }
            if (logicalId != null) {
                p.logicalId(logicalId);
            }
            if (isDefault) {
                p.isDefault(true);
            }
            GetOrCreateResult<CreatedDatabase, Database> r = client().databases().getOrCreate(p.build());
            out().note((r.wasCreated() ? "created database " : "database exists: ") + r.id());
            Database ready = wait.awaitIfAsked(session, r.id());
            ObjectNode o = ready != null ? Views.database(ready)
                    : r.found().map(Views::database).orElseGet(() -> Views.database(r.created().orElseThrow()));
            o.put("created", r.wasCreated());
            out().object(o);
            return 0;
        }
    }

    /** {@code pdp databases delete ID}. */
    @Command(name = "delete", description = "Delete a database.")
    static final class Delete extends PdpCommand {
        @Parameters(paramLabel = "DATABASE_ID")
        String id;

        Delete(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            client().databases().delete(id);
            out().done("Deleted database " + id, Output.object().put("id", id).put("deleted", true));
            return 0;
        }
    }

    /** {@code pdp databases backups ID}. */
    @Command(name = "backups", description = "List a database's backups.")
    static final class Backups extends PdpCommand {
        @Parameters(paramLabel = "DATABASE_ID")
        String id;

        @Mixin
        Paging paging = new Paging();

        Backups(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            List<ObjectNode> rows = new ArrayList<>(paging.collect(client().databases().listBackups(id).data(),
                    Views::backup));
            out().list(rows, "id", "type", "status", "size", "createdAt");
            return 0;
        }
    }

    /** {@code pdp databases restore TARGET_ID --backup BACKUP_ID [--from DATABASE_ID] [--wait]}. */
    @Command(name = "restore", description = "Restore a backup into a database (replacing its data).")
    static final class Restore extends PdpCommand {
        @Parameters(paramLabel = "TARGET_DATABASE_ID")
        String targetId;

        @Option(names = "--backup", required = true, paramLabel = "BACKUP_ID")
        String backupId;

        @Option(names = "--from", paramLabel = "DATABASE_ID", description = "The database the backup belongs to"
                + " (default: the target).")
        String sourceId;

        @Mixin
        DatabaseWait wait = new DatabaseWait();

        Restore(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            RestoredDatabase r = client().databases().restore(DatabaseRestoreParams.builder()
                    .targetDatabaseId(targetId)
                    .source(BackupSource.builder().databaseId(sourceId != null ? sourceId : targetId)
                            .backupId(backupId).build())
                    .build());
            out().note("restoring backup " + backupId + " into database " + r.id());
            Database ready = wait.awaitIfAsked(session, r.id());
            out().object(ready != null ? Views.database(ready) : Views.database(client().databases().get(r.id())));
            return 0;
        }
    }

    /** {@code pdp databases wait ID [--timeout 5m]}. */
    @Command(name = "wait", description = "Wait until a database is ready (after a create or a restore).")
    static final class Wait extends PdpCommand {
        @Parameters(paramLabel = "DATABASE_ID")
        String id;

        @Mixin
        DatabaseWait wait = new DatabaseWait();

        Wait(Session session) {
            super(session);
            wait.wait = true;
        }

        @Override
        protected int run() {
            out().object(Views.database(wait.awaitIfAsked(session, id)));
            return 0;
        }
    }

    /** {@code pdp databases usage ID}. */
    @Command(name = "usage", description = "Show a database's usage in the current period.")
    static final class Usage extends PdpCommand {
        @Parameters(paramLabel = "DATABASE_ID")
        String id;

        Usage(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            out().object(Views.usage(id, client().databases().getUsage(id)));
            return 0;
        }
    }
}
