package dev.pdpkit.cli;

import dev.pdpkit.cli.internal.CommandTree;
import dev.pdpkit.cli.internal.Session;
import java.util.Arrays;

/**
 * {@code pdp}, the command-line tool for the Prisma Data Platform Management API. Run it through the {@code pdp}
 * launcher that {@code mvn package} builds in {@code sdk/cli/target/pdp/bin}; see the README's "Command line: pdp".
 */
public final class Pdp {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String NO_CLOSURES = "picocli.disable.closures";

    private Pdp() {
    }

    /**
     * Runs {@code pdp} and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("emulator")) {
            // The emulator runs until interrupted and parses its own options: hand it the rest unchanged.
            dev.pdpkit.cli.commands.EmulatorCommand.runStandalone(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(run(CliEnvironment.system(), args));
    }

    /**
     * Runs one {@code pdp} command in this JVM, for tests and embedding.
     *
     * @param env environment variables, output streams, terminal flag
     * @param args the command line
     * @return the exit status (documented in the README's "Exit codes")
     */
    public static int run(CliEnvironment env, String... args) {
        // slf4j-simple reads its level once, when the first logger is created: after this, before any SDK class.
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, Arrays.asList(args).contains("--verbose") ? "debug" : "warn");
        }
        // picocli's first command probes for Groovy's Closure class, a lookup that opens every jar on the class path.
        if (System.getProperty(NO_CLOSURES) == null) {
            System.setProperty(NO_CLOSURES, "true");
        }
        try (Session session = new Session(env)) {
            Integer direct = CommandTree.runWithoutParser(session, args);
            return direct != null ? direct : CommandTree.forArgs(session, args).execute(args);
        }
    }
}
