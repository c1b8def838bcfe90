package dev.pdpkit.cli.internal;

import dev.pdpkit.client.PrismaManagement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every {@code pdp} command: the global options, the session (client, output) and the exit status. A command
 * class has a public constructor taking the {@link Session}; {@link CommandTree} creates it only when it is named on
 * the command line.
 */
public abstract class PdpCommand implements Callable<Integer> {
    /** The global options ({@code --json}, {@code --quiet}, {@code --verbose}). */
    @Mixin
    protected GlobalOptions global;

    /** {@code -h, --help} on every command. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    protected boolean help;

    /** This command's model, for its usage help. */
    @Spec
    protected CommandSpec spec;

    /** The run. */
    protected final Session session;

    /**
     * @param session the run
     */
    protected PdpCommand(Session session) {
        this.session = session;
        this.global = new GlobalOptions(session);
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /**
     * Runs the command.
     *
     * @return the exit status ({@link ExitCodes})
     * @throws Exception any failure; {@link ErrorReporter} turns it into a message and an exit status
     */
    protected abstract int run() throws Exception;

    /** @return the API client */
    protected PrismaManagement client() {
        return session.client();
    }

    /** @return the printer */
    protected Output out() {
        return session.output();
    }

    /**
     * A command group run without a subcommand prints its usage on standard error.
     *
     * @return {@link ExitCodes#USAGE}
     */
    protected int usage() {
        spec.commandLine().usage(session.env().err());
        return ExitCodes.USAGE;
    }
}
