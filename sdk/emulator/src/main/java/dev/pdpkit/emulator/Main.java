package dev.pdpkit.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a standalone server until stopped:
 *
 * <pre>
 * java -jar pdpkit-emulator-&lt;version&gt;-standalone.jar --port 4466
 * </pre>
 *
 * <p>It prints the API base URL, the OAuth issuer and the seeded credentials. It listens on loopback unless
 * {@code --host} says otherwise. {@link #run(String[], PrintStream)} does the same for a program that embeds the
 * command (such as a CLI's {@code emulator} sub-command) and returns the running emulator as the handle to stop it.
 */
public final class Main {
    static final int DEFAULT_PORT = CommandLine.DEFAULT_PORT;

    private Main() {
    }

    /** A command line that cannot be run; {@link #helpRequested()} when the user asked for the usage text. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** Whether the user asked for the usage text rather than giving a wrong command line. */
        private final boolean helpRequested;

        UsageException(String message, boolean helpRequested) {
            super(message == null ? "help requested" : message);
            this.helpRequested = helpRequested;
        }

        /** @return whether {@code -h} or {@code --help} was given (then print {@link Main#usage()}) */
        public boolean helpRequested() {
            return helpRequested;
        }
    }

    /**
     * Runs the emulator with the command-line options until the process is stopped; prints the usage text and exits
     * with status 2 on a wrong command line.
     *
     * @param args the command-line options
     * @throws InterruptedException if interrupted while waiting for the process to stop
     */
    public static void main(String[] args) throws InterruptedException {
        configureConsoleLogging();
        PrismaEmulator emulator;
        try {
            emulator = run(args, System.out);
        } catch (UsageException e) {
            if (e.helpRequested()) {
                System.out.println(usage());
                return;
            }
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "prisma-emulator-shutdown"));
        stopped.await();
    }

    /**
     * Starts an emulator configured by command-line flags (see {@link #usage()}) and prints its addresses and
     * credentials.
     *
     * @param args the flags, e.g. {@code --port 4466 --provisioning-delay 5s}
     * @param out where the description goes
     * @return the running emulator; {@link PrismaEmulator#close()} stops it
     * @throws UsageException for an unknown flag, a bad value, an unreadable seed file, or {@code --help}
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static PrismaEmulator run(String[] args, PrintStream out) {
        PrismaEmulator emulator = CommandLine.parse(args).start();
        describe(emulator, out);
        return emulator;
    }

    /** @return the usage text with every flag */
    public static String usage() {
        return CommandLine.USAGE;
    }

    /** Kept for callers of the earlier API: the builder the flags describe. */
    static PrismaEmulator.Builder parse(String[] args) {
        return CommandLine.parse(args);
    }

    /**
     * INFO on the console through slf4j-simple, which only the standalone jar contains; with another SLF4J binding
     * on the class path these properties are ignored.
     */
    private static void configureConsoleLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "info"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }

    static void describe(PrismaEmulator e, PrintStream out) {
        out.println("Prisma Data Platform emulator");
        out.println("  Management API : " + e.baseUrl() + "/v1");
        out.println("  OAuth issuer   : " + e.issuerUrl() + "  (discovery: " + e.issuerUrl()
                + "/.well-known/oauth-authorization-server)");
        for (SeededWorkspace w : e.workspaces()) {
            out.println("  Workspace      : " + w.name() + " (" + w.id() + ")");
            out.println("    service token: " + w.serviceToken());
        }
        if (e.authServer().isPresent()) {
            out.println("  OAuth clients  : " + e.publicClient().clientId() + " (public, PKCE), "
                    + e.partnerClient().clientId() + " (secret " + e.partnerClient().clientSecret() + ")");
            out.println("    redirect URIs: http://127.0.0.1/callback and http://localhost/callback, any port");
            out.println("  Signed-in user : " + e.oauthUser().email() + " (" + e.oauthUser().id() + ")");
        }
        out.println("Stop with Ctrl+C. State is kept in memory only.");
        out.flush();
    }
}
