package dev.pdpkit.examples.provision;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.services.GetOrCreateResult;
import dev.pdpkit.client.errors.PermissionDeniedException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseConnectionCreateParams;
import dev.pdpkit.client.model.EndpointWithSecret;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectDatabaseCreateParams;
import dev.pdpkit.client.model.CreateRegionId;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.client.waiters.ResourceFailedException;
import dev.pdpkit.client.waiters.WaitOptions;
import dev.pdpkit.client.waiters.WaitTimeoutException;
import dev.pdpkit.client.waiters.Waiters;
import dev.pdpkit.emulator.PrismaEmulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A partner's provisioning job: creates a project with a Postgres database, waits until the database is ready,
 * creates a connection for the application, prints how to connect and lists the workspace's projects.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code PRISMA_SERVICE_TOKEN}: a service token of the workspace to provision in. When it is not set, the job
 *       starts the embedded emulator in-process and uses the emulator's partner service token instead, so it runs
 *       anywhere without an account.</li>
 *   <li>{@code PRISMA_API_URL}: another API base URL (optional, only with a token).</li>
 *   <li>{@code PRISMA_REGION} or {@code --region <id>}: the database's region (default {@code us-east-1}).</li>
 *   <li>{@code --name <name>}: the project's name (default {@code provision-demo-<timestamp>}).</li>
 *   <li>{@code --show-secrets}: print connection strings unmasked (they are masked by default).</li>
 *   <li>{@code --timeout <seconds>}: how long to wait for the database (default 300).</li>
 * </ul>
 *
 * <p>Run it from the repository root with {@code mvn -B -q -Pdemo -pl examples -am verify -DskipTests}.
 *
 * <p>Exit codes: see the {@code EXIT_*} constants.
 */
public final class ProvisionDatabase {
    /** Everything worked. */
    public static final int EXIT_OK = 0;
    /** An unexpected failure (a bug, or an answer the SDK could not read). */
    public static final int EXIT_UNEXPECTED = 1;
    /** Bad command-line arguments or configuration. */
    public static final int EXIT_USAGE = 2;
    /** The service token was rejected (401) or lacks permission (403). */
    public static final int EXIT_AUTH = 3;
    /** The API refused a request (any other error status). */
    public static final int EXIT_API = 4;
    /** The API could not be reached, or a call ran out of time. */
    public static final int EXIT_NETWORK = 5;
    /** The database failed to provision, or did not become ready in time. */
    public static final int EXIT_NOT_READY = 6;

    /** How long the embedded emulator keeps a new database provisioning, so that progress is visible. */
    static final Duration DEMO_PROVISIONING_DELAY = Duration.ofMillis(1500);
    /** The first interval between polls; it grows by half at each poll (capped at 10 s). */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    static final String DEFAULT_REGION = "us-east-1";
    static final String ENV_REGION = "PRISMA_REGION";

    private ProvisionDatabase() {
    }

    /**
     * Runs the job with the process's environment and exits with its exit code (only when it is not zero, so
     * that the job can also run inside a build tool's JVM).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out);
        System.out.flush();
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the job.
     *
     * @param args the command line
     * @param env the environment variables to read the configuration from
     * @param out where progress and results are printed
     * @return the exit code, one of the {@code EXIT_*} constants
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println(Options.USAGE);
            return EXIT_USAGE;
        }
        if (options.help) {
            out.println(Options.USAGE);
            return EXIT_OK;
        }
        String token = blankToNull(env.get(PrismaManagement.ENV_SERVICE_TOKEN));
        String apiUrl = blankToNull(env.get(PrismaManagement.ENV_API_URL));
        PrismaEmulator emulator = null;
        try {
            if (token == null) {
                if (apiUrl != null) {
                    out.println("error: " + PrismaManagement.ENV_API_URL + " is set but "
                            + PrismaManagement.ENV_SERVICE_TOKEN + " is not");
                    return EXIT_USAGE;
                }
                emulator = PrismaEmulator.builder().provisioningDelay(DEMO_PROVISIONING_DELAY).start();
                token = emulator.partnerServiceToken();
                apiUrl = emulator.baseUrl();
                out.println("No " + PrismaManagement.ENV_SERVICE_TOKEN + " set: using the embedded Prisma emulator at "
                        + apiUrl);
            }
            PrismaManagement.Builder builder = PrismaManagement.builder().serviceToken(token);
            if (apiUrl != null) {
                builder.baseUrl(apiUrl);
            }
            try (PrismaManagement client = builder.build()) {
                return provision(client, options, out);
            }
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage()); // e.g. a malformed PRISMA_API_URL
            return EXIT_USAGE;
        } catch (UnauthorizedException e) {
            out.println("error: the service token was rejected (HTTP 401" + describe(e) + ")");
            return EXIT_AUTH;
        } catch (PermissionDeniedException e) {
            out.println("error: the service token may not do this (HTTP 403" + describe(e) + ")");
            return EXIT_AUTH;
        } catch (PrismaApiException e) {
            out.println("error: the API refused the request: HTTP " + e.statusCode() + describe(e));
            return EXIT_API;
        } catch (PrismaTimeoutException e) {
            out.println("error: the API did not answer in time: " + e.getMessage());
            return EXIT_NETWORK;
        } catch (PrismaNetworkException e) {
            out.println("error: cannot reach the API: " + e.getMessage());
            return EXIT_NETWORK;
        } catch (PrismaException e) {
            out.println("error: " + e.getMessage());
            return EXIT_UNEXPECTED;
        } catch (NotReadyException e) {
            out.println("error: " + e.getMessage());
            return EXIT_NOT_READY;
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private static int provision(PrismaManagement client, Options options, PrintStream out)
            throws NotReadyException {
        Me me = client.me().get();
        me.workspace().ifPresent(w -> out.println("Workspace: " + w.name() + " (" + w.id() + ")"));

        // getOrCreate keys the project on a logicalId (the project name): safe to retry, and a second run with the
        // same --name reuses the project instead of creating another one.
        GetOrCreateResult<CreatedProject, Project> result = client.projects().getOrCreate(
                ProjectCreateParams.builder()
                        .name(options.projectName)
                        .logicalId(options.projectName)
                        .region(RegionId.of(options.region))
                        .createDatabase(true)
                        .build());
        String projectId = result.id();
        Optional<String> newDatabase = result.created().flatMap(CreatedProject::database).map(d -> d.id());
        if (result.wasCreated()) {
            out.println("Created project " + options.projectName + " (" + projectId + ")");
        } else {
            out.println("Project " + options.projectName + " (" + projectId + ") already exists: reusing it");
        }

        String databaseId;
        if (newDatabase.isPresent()) {
            databaseId = newDatabase.get();
            out.println("Created database " + databaseId + " in " + options.region);
        } else {
            Optional<Database> existing = client.projects().databases().list(projectId).autoPager().stream()
                    .filter(d -> Boolean.TRUE.equals(d.isDefault())).findFirst();
            if (existing.isPresent()) {
                databaseId = existing.get().id();
                out.println("Using the project's default database " + databaseId);
            } else {
                databaseId = client.projects().databases().create(ProjectDatabaseCreateParams.builder()
                        .projectId(projectId).region(CreateRegionId.of(options.region)).isDefault(true).build())
                        .id();
                out.println("Created database " + databaseId + " in " + options.region);
            }
        }

        Database database = waitUntilReady(client, databaseId, options.timeout, out);
        out.println("Database " + database.id() + " is ready");

        ConnectionWithSecrets connection = client.databases().connections().create(
                DatabaseConnectionCreateParams.builder().databaseId(database.id()).name("provision-job").build());
        out.println("Created connection " + connection.name() + " (" + connection.id() + ")");
        out.println("Connection details" + (options.showSecrets ? "" : " (secrets masked; --show-secrets shows them)")
                + ":");
        Optional<EndpointWithSecret> direct = connection.endpoints().direct();
        if (direct.isPresent()) {
            EndpointWithSecret d = direct.get();
            out.println("  connection string: " + secret(d.connectionString(), options.showSecrets));
            out.println("  host:              " + d.host() + ":" + d.port().toPlainString());
            userOf(d.connectionString()).ifPresent(u -> out.println("  user:              " + u));
            out.println("  password:          " + (options.showSecrets
                    ? passwordOf(d.connectionString()).orElse("(none)") : "****"));
        }
        endpoint(out, "pooled", connection.endpoints().pooled(), options.showSecrets);
        endpoint(out, "accelerate", connection.endpoints().accelerate(), options.showSecrets);

        out.println("Projects in the workspace:");
        int count = 0;
        for (Project p : client.projects().list().autoPager()) {
            count++;
            out.println("  " + p.id() + "  " + p.name() + (p.id().equals(projectId) ? "  (this job's)" : ""));
        }
        out.println(count + (count == 1 ? " project" : " projects"));
        return EXIT_OK;
    }

    private static void endpoint(PrintStream out, String label, Optional<EndpointWithSecret> endpoint,
                                 boolean showSecrets) {
        endpoint.ifPresent(e -> out.println(String.format(Locale.ROOT, "  %-18s %s", label + ":",
                secret(e.connectionString(), showSecrets))));
    }

    /**
     * Waits with the SDK's database waiter until the database is {@code ready}, printing its status at every poll.
     */
    static Database waitUntilReady(PrismaManagement client, String databaseId, Duration timeout, PrintStream out)
            throws NotReadyException {
        WaitOptions options = WaitOptions.builder()
                .timeout(timeout)
                .initialInterval(POLL_INTERVAL)
                .maxInterval(Duration.ofSeconds(10))
                .multiplier(1.5)
                .listener(progress -> out.println(String.format(Locale.ROOT, "waiting for database %s : %s (%.1f s)",
                        databaseId, progress.status(), progress.elapsed().toMillis() / 1000.0)))
                .build();
        try {
            return Waiters.database(client).untilReady(databaseId, options);
        } catch (ResourceFailedException e) {
            throw new NotReadyException("database " + databaseId + " failed to provision (status "
                    + e.status() + ")");
        } catch (WaitTimeoutException e) {
            throw new NotReadyException("database " + databaseId + " is still " + e.lastStatus() + " after "
                    + e.elapsed().toSeconds() + " s (" + e.attempts() + " polls)");
        }
    }

    /**
     * Masks the secrets of a connection string: the password of a {@code scheme://user:password@host} URL and the
     * values of secret query parameters such as {@code api_key}.
     *
     * @param connectionString the connection string
     * @param show true to return it unchanged
     * @return the string to print
     */
    public static String secret(String connectionString, boolean show) {
        return show || connectionString == null ? connectionString : mask(connectionString);
    }

    /**
     * @param connectionString a connection string
     * @return it with the password and secret query parameters replaced by {@code ****}
     */
    public static String mask(String connectionString) {
        String s = connectionString;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int authorityStart = scheme + 3;
            int authorityEnd = indexOfAny(s, authorityStart, '/', '?', '#');
            int at = s.lastIndexOf('@', authorityEnd - 1);
            if (at >= authorityStart) {
                int colon = s.indexOf(':', authorityStart);
                if (colon >= 0 && colon < at) {
                    s = s.substring(0, colon + 1) + "****" + s.substring(at);
                }
            }
        }
        return s.replaceAll("(?i)([?&](?:api_key|password|pass|secret|token|access_token)=)[^&#]*", "$1****");
    }

    /** @return the user of a {@code scheme://user:password@host} connection string */
    static Optional<String> userOf(String connectionString) {
        return userInfo(connectionString).map(u -> u.contains(":") ? u.substring(0, u.indexOf(':')) : u);
    }

    /** @return the password of a {@code scheme://user:password@host} connection string, URL-decoded */
    static Optional<String> passwordOf(String connectionString) {
        return userInfo(connectionString).filter(u -> u.contains(":"))
                .map(u -> java.net.URLDecoder.decode(u.substring(u.indexOf(':') + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Optional<String> userInfo(String connectionString) {
        int scheme = connectionString.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int start = scheme + 3;
        int end = indexOfAny(connectionString, start, '/', '?', '#');
        int at = connectionString.lastIndexOf('@', end - 1);
        return at < start ? Optional.empty() : Optional.of(connectionString.substring(start, at));
    }

    private static int indexOfAny(String s, int from, char... chars) {
        for (int i = from; i < s.length(); i++) {
            for (char c : chars) {
                if (s.charAt(i) == c) {
                    return i;
                }
            }
        }
        return s.length();
    }

    private static String describe(PrismaApiException e) {
        StringBuilder sb = new StringBuilder();
        e.errorCode().ifPresent(c -> sb.append(", ").append(c));
        e.errorMessage().ifPresent(m -> sb.append(": ").append(m));
        e.hint().ifPresent(h -> sb.append(" (hint: ").append(h).append(')'));
        e.requestId().ifPresent(r -> sb.append(" [request ").append(r).append(']'));
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The database did not become ready. */
    static final class NotReadyException extends Exception {
        private static final long serialVersionUID = 1L;

        NotReadyException(String message) {
            super(message);
        }
    }

    /** The parsed command line. */
    static final class Options {
        static final String USAGE = "usage: ProvisionDatabase [--region <id>] [--name <project name>]"
                + " [--timeout <seconds>] [--show-secrets] [--help]\n"
                + "  environment: PRISMA_SERVICE_TOKEN (without it the embedded emulator is used), PRISMA_API_URL,"
                + " PRISMA_REGION";

        String region;
        String projectName;
        Duration timeout = Duration.ofMinutes(5);
        boolean showSecrets;
        boolean help;

        static Options parse(String[] args, Map<String, String> env) {
            Options o = new Options();
            String envRegion = blankToNull(env.get(ENV_REGION));
            o.region = envRegion != null ? envRegion : DEFAULT_REGION;
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String arg = rest.remove(0);
                switch (arg) {
                    case "--show-secrets":
                        o.showSecrets = true;
                        break;
                    case "--help":
                    case "-h":
                        o.help = true;
                        break;
                    case "--region":
                        o.region = value(arg, rest);
                        break;
                    case "--name":
                        o.projectName = value(arg, rest);
                        break;
                    case "--timeout":
                        try {
                            o.timeout = Duration.ofSeconds(Long.parseLong(value(arg, rest)));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--timeout takes a number of seconds");
                        }
                        break;
                    default:
                        if (arg.startsWith("--region=")) {
                            o.region = arg.substring("--region=".length());
                        } else if (arg.startsWith("--name=")) {
                            o.projectName = arg.substring("--name=".length());
                        } else if (!arg.startsWith("-") && rest.isEmpty() && o.region.equals(
                                envRegion != null ? envRegion : DEFAULT_REGION)) {
                            o.region = arg; // a bare region as the only positional argument
                        } else {
                            throw new IllegalArgumentException("unknown argument: " + arg);
                        }
                }
            }
            if (o.region.isBlank()) {
                throw new IllegalArgumentException("the region is empty");
            }
            if (o.projectName == null) {
                o.projectName = "provision-demo-" + LocalDateTime.now().format(
                        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
            }
            return o;
        }

        private static String value(String flag, List<String> rest) {
            if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return rest.remove(0);
        }
    }
}
