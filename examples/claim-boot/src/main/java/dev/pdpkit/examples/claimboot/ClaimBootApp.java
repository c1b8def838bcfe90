package dev.pdpkit.examples.claimboot;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.annotation.Bean;

/**
 * The partner claim flow on Spring Boot: the starter provides {@code PrismaManagement} and {@code ClaimFlow} from
 * {@code pdpkit.*}, and, with {@code pdpkit.claim.store=jdbc}, pending claims and used states live in the
 * application's PostgreSQL, so the instance that receives the callback need not be the one that started the claim.
 */
@SpringBootApplication
public class ClaimBootApp {
    static final String USAGE = """
            Usage: claim-boot [--name=value ...]   (or the same as environment variables, e.g. PDPKIT_SERVICETOKEN)
            The partner claim flow as a web app; several instances sharing one PostgreSQL can complete each other's claims.
              --server.port=8080                  HTTP port (--server.address=127.0.0.1 to listen on loopback only)
              --spring.datasource.url=jdbc:postgresql://host:5432/db   with .username and .password
              --pdpkit.service-token=...          the partner's service token (required)
              --pdpkit.base-url=...               Management API base URL (default: Prisma's)
              --pdpkit.oauth.client-id=...        OAuth client of the partner integration (required)
              --pdpkit.oauth.client-secret=...
              --pdpkit.oauth.redirect-uri=https://partner.example/callback   this app's /callback, as registered
              --pdpkit.oauth.issuer=...           authorization server (default: Prisma's)
              --pdpkit.claim.store=jdbc           keep pending claims in the database (needed for several instances)
              --pdpkit.jdbc.initialize-schema=true  create pdpkit's tables on start
              --claim.instance-name=A             shown in the page footer
              --help                              print this and exit
            """;

    /**
     * Runs the application; exits 0 after printing usage for {@code --help}, 2 if the port is busy, 1 on any other
     * start failure, each with one line on standard error.
     *
     * @param args Spring Boot arguments, for example {@code --server.port=8080}
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            // Non-daemon threads (HTTP pools, the connection pool) would keep a failed JVM alive.
            System.exit(code);
        }
    }

    /**
     * @return -1 while the application runs, otherwise the exit code (usage or a start failure already printed)
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        try {
            application().run(args);
            return -1;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PortInUseException busy) {
                    err.println("claim-boot: port " + busy.getPort()
                            + " is already in use; stop what holds it or pass --server.port=<another port>");
                    return 2;
                }
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            err.println("claim-boot: could not start: " + root.getMessage() + " (--help lists the settings)");
            return 1;
        }
    }

    /** @return the application, with start failures reported by {@link #run} in one line instead of a report */
    static SpringApplication application() {
        SpringApplication app = new SpringApplication(ClaimBootApp.class);
        // Both only repeat, as a report and a long warning, the failure run() prints in one line.
        app.setDefaultProperties(Map.of(
                "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "off",
                "logging.level.org.springframework.boot.web.server.servlet.context"
                        + ".AnnotationConfigServletWebServerApplicationContext", "error"));
        return app;
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
