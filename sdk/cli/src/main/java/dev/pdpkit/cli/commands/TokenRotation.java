package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.internal.CliException;
import dev.pdpkit.cli.internal.ExitCodes;
import dev.pdpkit.cli.internal.Output;
import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.SecretOptions;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.model.CreatedServiceToken;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.model.ServiceToken;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pdp tokens rotate --older-than 30d}: creates a token, checks it with {@code GET /v1/me}, stores it
 * ({@code --output} or {@code --show-secrets}), then deletes the workspace's tokens at least that old with the new
 * token, the one in use last. Nothing is deleted unless the new token works and was stored.
 */
@Command(name = "rotate", description = "Create a new service token, verify and store it, then delete the tokens"
        + " older than --older-than (the one in use last).")
final class TokenRotation extends PdpCommand {
    @Option(names = "--older-than", required = true, paramLabel = "AGE", description = "30d, 12h, 45m, 90s or"
            + " ISO-8601 (P30D).")
    String olderThan;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the new token (default rotated-<time>).")
    String name;

    @Option(names = "--dry-run", description = "Show what would be created and deleted; change nothing.")
    boolean dryRun;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Authenticate with the token in FILE instead"
            + " of PRISMA_SERVICE_TOKEN: the file a previous rotation wrote with --output.")
    Path tokenFile;

    @Mixin
    SecretOptions secrets = new SecretOptions();

    TokenRotation(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        Instant cutoff = Instant.now().minus(Ages.parse(olderThan, "--older-than"));
        if (!dryRun && !secrets.show() && secrets.output() == null) {
            throw new CliException(ExitCodes.USAGE, "the new token is shown only once: use --output FILE or"
                    + " --show-secrets");
        }
        if (tokenFile != null) {
            session.useServiceToken(readToken(tokenFile));
        }
        secrets.checkBeforeCreate();
        PrismaManagement current = client();
        Me me = current.me().get();
        String ws = me.workspace().map(w -> w.id()).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "the credential is not bound to a workspace; rotate with a workspace service token"));
        List<ServiceToken> doomed = olderThan(current, ws, cutoff, me.credential().id().orElse(""));
        ObjectNode result = Output.object().put("workspaceId", ws).put("dryRun", dryRun);
        if (dryRun) {
            doomed.forEach(t -> out().note("would delete " + TokensCommand.describe(t)));
            result.set("created", null);
            result.set("deleted", ids(doomed));
            result.set("failed", Output.object().arrayNode());
            out().object(result);
            return 0;
        }
        CreatedServiceToken created = current.workspaces().serviceTokens().create(WorkspaceServiceTokenCreateParams
                .builder().workspaceId(ws).name(name != null ? name : "rotated-" + Instant.now()).build());
        try (PrismaManagement next = current.withOptions(b -> b.serviceToken(created.value()))) {
            verifyOrUndo(current, next, ws, created);
            try {
                result.set("created", TokensCommand.created(created, secrets));
            } catch (CliException e) {
                current.workspaces().serviceTokens().delete(ws, created.id());
                throw new CliException(e.exitCode(), e.getMessage() + "; deleted the new token, nothing else changed");
            }
            List<ServiceToken> failed = deleteAll(next, ws, doomed);
            doomed.removeAll(failed);
            result.set("deleted", ids(doomed));
            result.set("failed", ids(failed));
            out().object(result);
            return failed.isEmpty() ? 0 : ExitCodes.ERROR;
        }
    }

    /** @return the workspace's tokens created at or before {@code cutoff}, the one in use last */
    private static List<ServiceToken> olderThan(PrismaManagement client, String ws, Instant cutoff, String inUse) {
        List<ServiceToken> doomed = new ArrayList<>();
        client.workspaces().serviceTokens().list(ws).autoPager().forEach(t -> {
            if (!t.createdAt().toInstant().isAfter(cutoff)) {
                doomed.add(t);
            }
        });
        doomed.sort(Comparator.comparing(t -> t.id().equals(inUse)));
        return doomed;
    }

    /** Deletes with the new token; a token already gone counts as deleted. @return the tokens not deleted */
    private List<ServiceToken> deleteAll(PrismaManagement next, String ws, List<ServiceToken> doomed) {
        List<ServiceToken> failed = new ArrayList<>();
        for (ServiceToken t : doomed) {
            try {
                next.workspaces().serviceTokens().delete(ws, t.id());
                out().note("deleted " + TokensCommand.describe(t));
            } catch (NotFoundException e) {
                out().note("already deleted " + TokensCommand.describe(t));
            } catch (PrismaException e) {
                failed.add(t);
                out().note("could not delete " + TokensCommand.describe(t) + ": " + e.getClass().getSimpleName());
            }
        }
        return failed;
    }

    private void verifyOrUndo(PrismaManagement current, PrismaManagement next, String ws, CreatedServiceToken t) {
        String problem;
        try {
            Me me = next.me().get();
            problem = me.workspace().map(w -> w.id()).filter(ws::equals).isPresent() ? null
                    : "the new token does not act on workspace " + ws;
        } catch (PrismaException e) {
            problem = "the new token failed verification (" + e.getClass().getSimpleName() + ")";
        }
        if (problem != null) {
            current.workspaces().serviceTokens().delete(ws, t.id());
            throw new CliException(ExitCodes.ERROR, problem + "; deleted it again, nothing else changed");
        }
    }

    private static String readToken(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static ArrayNode ids(List<ServiceToken> tokens) {
        ArrayNode a = Output.object().arrayNode();
        tokens.forEach(t -> a.add(t.id()));
        return a;
    }
}
