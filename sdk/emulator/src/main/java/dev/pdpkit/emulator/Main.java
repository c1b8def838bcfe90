package dev.pdpkit.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a standalone server until interrupted:
 *
 * <pre>
 * java -cp ... dev.pdpkit.emulator.Main [--port 4466] [--host 127.0.0.1] [--provisioning-delay-ms 2000]
 *     [--no-validate-responses]
 * </pre>
 *
 * <p>It prints the API base URL, the OAuth issuer and the seeded credentials. It listens on loopback unless
 * {@code --host} says otherwise.
 */
public final class Main {
    static final int DEFAULT_PORT = 4466;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrismaEmulator.Builder b;
        try {
            b = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (b == null) {
            usage(System.out);
            return;
        }
        PrismaEmulator emulator = b.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "prisma-emulator-shutdown"));
        describe(emulator, System.out);
        stopped.await();
    }

    /** @return the configured builder, or null when help was asked for */
    static PrismaEmulator.Builder parse(String[] args) {
        PrismaEmulator.Builder b = PrismaEmulator.builder().port(DEFAULT_PORT)
                .provisioningDelay(Duration.ofSeconds(2));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h":
                case "--help":
                    return null;
                case "--port":
                    b.port(intArg(args, ++i, a));
                    break;
                case "--host":
                    b.host(arg(args, ++i, a));
                    break;
                case "--provisioning-delay-ms":
                    b.provisioningDelay(Duration.ofMillis(intArg(args, ++i, a)));
                    break;
                case "--restore-delay-ms":
                    b.restoreDelay(Duration.ofMillis(intArg(args, ++i, a)));
                    break;
                case "--no-validate-requests":
                    b.validateRequests(false);
                    break;
                case "--no-validate-responses":
                    b.validateResponses(false);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return b;
    }

    private static String arg(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intArg(String[] args, int i, String option) {
        String v = arg(args, i, option);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + v);
        }
    }

    static void usage(PrintStream out) {
        out.println("usage: dev.pdpkit.emulator.Main [--port N (default " + DEFAULT_PORT + ", 0 = any free)]"
                + " [--host ADDRESS (default 127.0.0.1)] [--provisioning-delay-ms N (default 2000)]"
                + " [--restore-delay-ms N] [--no-validate-requests] [--no-validate-responses]");
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
