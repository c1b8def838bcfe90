package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.internal.CliException;
import dev.pdpkit.cli.internal.ExitCodes;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectTransferParams;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.client.services.GetOrCreateResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pdp projects}: list, get, create, delete, transfer. */
@Command(name = "projects", description = "Manage projects.",
        subcommands = {ProjectsCommand.ListProjects.class, ProjectsCommand.Get.class, ProjectsCommand.Create.class,
            ProjectsCommand.Delete.class, ProjectsCommand.Transfer.class})
public final class ProjectsCommand extends PdpCommand {
    /** Where {@code transfer} reads the recipient's access token when no file is given. */
    static final String ENV_RECIPIENT_TOKEN = "PRISMA_RECIPIENT_TOKEN";

    ProjectsCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        return usage();
    }

    /** {@code pdp projects list}. */
    @Command(name = "list", description = "List the workspace's projects.")
    static final class ListProjects extends PdpCommand {
        @Mixin
        Paging paging = new Paging();

        ListProjects(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            out().list(paging.collect(client().projects().list(), Views::project), "id", "name", "logicalId",
                    "defaultRegion", "createdAt");
            return 0;
        }
    }

    /** {@code pdp projects get ID}. */
    @Command(name = "get", description = "Show a project.")
    static final class Get extends PdpCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String id;

        Get(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            out().object(Views.project(client().projects().get(id)));
            return 0;
        }
    }

    /** {@code pdp projects create --name N [--region R] [--logical-id L] [--no-database]}. */
    @Command(name = "create", description = "Create a project (with a default database unless --no-database). With"
            + " --logical-id a second run returns the existing project instead of creating another.")
    static final class Create extends PdpCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--region", paramLabel = "REGION", description = "Region of the default database, for"
                + " example us-east-1 (`pdp regions`).")
        String region;

        @Option(names = "--logical-id", paramLabel = "ID", description = "Your stable key for the project: makes the"
                + " create idempotent.")
        String logicalId;

        @Option(names = "--no-database", description = "Create the project without a database.")
        boolean noDatabase;

        Create(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            ProjectCreateParams.Builder p = ProjectCreateParams.builder().name(name).createDatabase(!noDatabase);
            if (region != null) {
                p.region(RegionId.of(region));
            }
            if (logicalId != null) {
                p.logicalId(logicalId);
            }
            // Without --logical-id the SDK picks a random one: the create is still safe to retry.
            GetOrCreateResult<CreatedProject, Project> r = client().projects().getOrCreate(p.build());
            ObjectNode o = r.created().map(Create::view)
                    .orElseGet(() -> Views.project(r.found().orElseThrow()).putNull("databaseId"));
            o.put("created", r.wasCreated());
            out().object(o);
            return 0;
        }

        private static ObjectNode view(CreatedProject c) {
            ObjectNode o = Output.object();
            o.put("id", c.id());
            o.put("name", c.name());
            o.put("logicalId", c.logicalId().orElse(null));
            o.put("workspaceId", c.workspace() == null ? null : c.workspace().id());
            o.put("defaultRegion", c.defaultRegion().orElse(null));
            o.put("createdAt", Views.time(c.createdAt()));
            o.put("databaseId", c.database().map(d -> d.id()).orElse(null));
            return o;
        }
    }

    /** {@code pdp projects delete ID}. */
    @Command(name = "delete", description = "Delete a project and its databases.")
    static final class Delete extends PdpCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String id;

        Delete(Session session) {
            super(session);
        }

        @Override
        protected int run() {
            client().projects().delete(id);
            ObjectNode o = Output.object().put("id", id).put("deleted", true);
            out().done("Deleted project " + id, o);
            return 0;
        }
    }

    /** {@code pdp projects transfer ID [--recipient-token-file FILE]}. */
    @Command(name = "transfer", description = "Transfer a project to the workspace of another user's OAuth access"
            + " token, read from --recipient-token-file or " + ENV_RECIPIENT_TOKEN + " (never from the command"
            + " line, where other users could see it).")
    static final class Transfer extends PdpCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String id;

        @Option(names = "--recipient-token-file", paramLabel = "FILE")
        Path tokenFile;

        Transfer(Session session) {
            super(session);
        }

        @Override
        protected int run() throws IOException {
            String token = tokenFile != null ? Files.readString(tokenFile, StandardCharsets.UTF_8).strip()
                    : session.env().get(ENV_RECIPIENT_TOKEN);
            if (token == null || token.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "no recipient token: use --recipient-token-file FILE or set "
                        + ENV_RECIPIENT_TOKEN);
            }
            client().projects().transfer(ProjectTransferParams.builder().id(id).recipientAccessToken(token).build());
            out().done("Transferred project " + id, Output.object().put("id", id).put("transferred", true));
            return 0;
        }
    }
}
