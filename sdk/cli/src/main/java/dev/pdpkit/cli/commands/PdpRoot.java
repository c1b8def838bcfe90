package dev.pdpkit.cli.commands;

import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.cli.internal.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code pdp} command; its subcommands are added by {@code CommandTree}. */
@Command(name = "pdp", versionProvider = VersionProvider.class,
        description = "Manage Prisma Data Platform workspaces, projects, databases, connections and service tokens.",
        footerHeading = "%n",
        footer = {
            "Authentication: PRISMA_SERVICE_TOKEN (and PRISMA_API_URL), or the login stored by `pdp login`.",
            "Exit codes: 0 ok, 1 other error, 2 usage, 3 auth, 4 not found, 5 conflict,"
                    + " 6 rate-limited or transient; `pdp doctor`: its finding's code."})
public final class PdpRoot extends PdpCommand {
    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    PdpRoot(Session session) {
        super(session);
    }

    @Override
    protected int run() {
        return usage();
    }
}
