package dev.pdpkit.examples.tokens;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.model.CreatedServiceToken;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.model.ServiceToken;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rotates a workspace's service tokens: creates a new token, verifies it with {@code GET /v1/me}, stores its value
 * in a file readable only by the owner (mode 0600, replaced atomically) or prints it once, then deletes the
 * workspace's tokens older than a given age, except the new one. The old tokens are deleted with the new token, and
 * the token the script started with last.
 *
 * <pre>
 * mvn -B -q -Protate-tokens -pl examples -am verify -DskipTests -Drotate.args="--older-than 30d --output prisma-token.txt"
 *
 * Options:
 *   --older-than AGE      delete tokens created at least AGE ago (30d, 12h, 45m, 90s or ISO-8601 like P30D); required
 *   --output FILE         write the new token's value to FILE (mode 0600, atomic replace)
 *   --print-token         print the new token's value once on standard output instead
 *   --token-file FILE     read the current token from FILE instead of PRISMA_SERVICE_TOKEN (use the same FILE as
 *                         --output, and each run rotates the token the previous run wrote)
 *   --name NAME           name of the new token (default rotated-&lt;UTC timestamp&gt;)
 *   --workspace ID        refuse to run unless the current token belongs to this workspace
 *   --dry-run             show what would be created and deleted; change nothing, write nothing
 * Environment: PRISMA_SERVICE_TOKEN (the current token), PRISMA_API_URL (default https://api.prisma.io).
 * Without PRISMA_SERVICE_TOKEN and --token-file the script runs against an embedded emulator (a demo whose clock is
 * 40 days ahead, so the seeded token counts as old).
 * </pre>
 *
 * <p>Safe to run twice: a second run verifies and keeps the previous run's token unless it is itself older than the
 * limit, a token already deleted (404) counts as deleted, and nothing is deleted unless the new token was verified
 * and stored. Exit status 0 on success, 1 on failure, 2 on a usage error. No token value is ever logged.
 */
public final class RotateServiceTokens {
    private static final Pattern AGE = Pattern.compile("(\\d+)([dhms])");
    private static final DateTimeFormatter NAME_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private RotateServiceTokens() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), Clock.systemUTC(), System.out, System.err));
    }

    /** Parsed command line. */
    static final class Options {
        Duration olderThan;
        Path output;
        boolean printToken;
        Path tokenFile;
        String name;
        String workspace;
        boolean dryRun;
    }

    /**
     * Runs the rotation.
     *
     * @return the exit status
     */
    public static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            usage(err);
            return 2;
        }
        if (o == null) {
            usage(out);
            return 0;
        }
        String token;
        String apiUrl = env.getOrDefault("PRISMA_API_URL", PrismaManagement.DEFAULT_BASE_URL);
        try {
            token = o.tokenFile != null ? Files.readString(o.tokenFile, StandardCharsets.UTF_8).strip()
                    : env.get("PRISMA_SERVICE_TOKEN");
        } catch (IOException e) {
            err.println("error: cannot read the token file " + o.tokenFile + ": " + e.getClass().getSimpleName());
            return 1;
        }
        if (token == null || token.isBlank()) {
            return runAgainstDemoEmulator(args, clock, out, err);
        }
        try (PrismaManagement current = PrismaManagement.builder().baseUrl(apiUrl).serviceToken(token).build()) {
            return rotate(o, current, clock, out, err);
        }
    }

    private static int runAgainstDemoEmulator(String[] args, Clock clock, PrintStream out, PrintStream err) {
        err.println("PRISMA_SERVICE_TOKEN is not set: running against an embedded emulator (demo).");
        ShiftedClock shifted = new ShiftedClock(clock);
        try (PrismaEmulator emulator = PrismaEmulator.builder().clock(shifted).start()) {
            emulator.createServiceToken(emulator.partnerWorkspace().id(), "ci-deploy", null);
            shifted.offset = Duration.ofDays(40);
            emulator.createServiceToken(emulator.partnerWorkspace().id(), "recent", null);
            Map<String, String> env = Map.of("PRISMA_API_URL", emulator.baseUrl(),
                    "PRISMA_SERVICE_TOKEN", emulator.partnerServiceToken());
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--token-file")) {
                    i++; // the demo uses the emulator's token
                } else {
                    rest.add(args[i]);
                }
            }
            return run(rest.toArray(new String[0]), env, shifted, out, err);
        }
    }

    static int rotate(Options o, PrismaManagement current, Clock clock, PrintStream out, PrintStream err) {
        Me me;
        try {
            me = current.me().get();
        } catch (UnauthorizedException e) {
            err.println("error: the current token was rejected (401). If a previous run rotated it, use the value"
                    + " that run stored (--token-file).");
            return 1;
        }
        if (me.workspace().isEmpty()) {
            err.println("error: the current credential is not bound to a workspace; use a workspace service token");
            return 1;
        }
        String workspaceId = me.workspace().get().id();
        if (o.workspace != null && !o.workspace.equals(workspaceId)) {
            err.println("error: the current token belongs to workspace " + workspaceId + ", not " + o.workspace);
            return 1;
        }
        String currentTokenId = me.credential().id().orElse(null);
        Instant now = clock.instant();
        Instant cutoff = now.minus(o.olderThan);
        String name = o.name != null ? o.name : "rotated-" + NAME_STAMP.format(now);

        List<ServiceToken> before = list(current, workspaceId);
        out.println("Workspace " + me.workspace().get().name() + " (" + workspaceId + "): " + before.size()
                + " service token(s) before rotation");
        before.forEach(t -> out.println("  " + describe(t, now, currentTokenId)));
        List<ServiceToken> doomed = new ArrayList<>();
        for (ServiceToken t : before) {
            if (!t.createdAt().toInstant().isAfter(cutoff)) {
                doomed.add(t);
            }
        }
        // The token we authenticate with goes last, so an interrupted run can still be repeated with it.
        doomed.sort((a, b) -> Boolean.compare(a.id().equals(currentTokenId), b.id().equals(currentTokenId)));

        if (o.dryRun) {
            out.println("Dry run: nothing is created, written or deleted.");
            out.println("  would create token \"" + name + "\", verify it with /v1/me and "
                    + (o.output != null ? "write it to " + o.output + " (mode 0600)" : "print it once"));
            if (doomed.isEmpty()) {
                out.println("  no token is older than " + o.olderThan);
            }
            doomed.forEach(t -> out.println("  would delete " + describe(t, now, currentTokenId)));
            return 0;
        }

        CreatedServiceToken created = current.workspaces().serviceTokens().create(
                WorkspaceServiceTokenCreateParams.builder().workspaceId(workspaceId).name(name).build());
        out.println("Created token " + created.id() + " \"" + created.name() + "\" (" + created.valueHint() + ")");
        try (PrismaManagement next = current.withOptions(b -> b.serviceToken(created.value()))) {
            String problem = verify(next, workspaceId, created.id());
            if (problem == null) {
                out.println("Verified the new token with /v1/me.");
                problem = store(o, created.value(), out);
            }
            if (problem != null) {
                err.println("error: " + problem + "; deleting the new token again, nothing else changed");
                try {
                    current.workspaces().serviceTokens().delete(workspaceId, created.id());
                } catch (PrismaException e) {
                    err.println("error: could not delete the new token " + created.id() + " ("
                            + e.getClass().getSimpleName() + "); delete it by hand");
                }
                return 1;
            }
            int failures = 0;
            for (ServiceToken t : doomed) {
                if (t.id().equals(created.id())) {
                    continue;
                }
                try {
                    next.workspaces().serviceTokens().delete(workspaceId, t.id());
                    out.println("Deleted " + describe(t, now, currentTokenId));
                } catch (NotFoundException e) {
                    out.println("Already gone: " + describe(t, now, currentTokenId));
                } catch (PrismaException e) {
                    failures++;
                    err.println("error: could not delete " + t.id() + " (" + e.getClass().getSimpleName() + ")");
                }
            }
            List<ServiceToken> after = list(next, workspaceId);
            out.println(after.size() + " service token(s) after rotation");
            after.forEach(t -> out.println("  " + describe(t, now, created.id())));
            return failures == 0 ? 0 : 1;
        }
    }

    private static String verify(PrismaManagement next, String workspaceId, String newId) {
        try {
            Me me = next.me().get();
            if (me.workspace().isEmpty() || !workspaceId.equals(me.workspace().get().id())) {
                return "the new token does not act on workspace " + workspaceId;
            }
            if (me.credential().id().isPresent() && !newId.equals(me.credential().id().get())) {
                return "/v1/me reports another credential than the new token";
            }
            return null;
        } catch (PrismaException e) {
            return "the new token failed verification (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String store(Options o, String value, PrintStream out) {
        if (o.printToken) {
            out.println("New token (shown once, store it now): " + value);
            return null;
        }
        try {
            writeSecret(o.output, value);
            out.println("Wrote the new token to " + o.output + " (mode 0600)");
            return null;
        } catch (IOException e) {
            return "cannot write " + o.output + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Writes {@code value} to {@code target} through a 0600 temporary file in the same directory and a rename. */
    static void writeSecret(Path target, String value) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        Path tmp = dir.resolve("." + abs.getFileName() + "." + java.util.HexFormat.of().formatHex(suffix) + ".tmp");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(ownerOnly));
            Files.setPosixFilePermissions(tmp, ownerOnly);
        } else {
            Files.createFile(tmp);
        }
        try {
            Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<ServiceToken> list(PrismaManagement client, String workspaceId) {
        List<ServiceToken> all = new ArrayList<>();
        client.workspaces().serviceTokens().list(workspaceId).autoPager().forEach(all::add);
        return all;
    }

    private static String describe(ServiceToken t, Instant now, String markId) {
        Duration age = Duration.between(t.createdAt().toInstant(), now);
        return t.id() + " \"" + t.name() + "\" " + t.valueHint() + ", created " + t.createdAt() + " ("
                + age.toDays() + "d " + age.toHoursPart() + "h old)" + (t.id().equals(markId) ? " [in use]" : "");
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h":
                case "--help":
                    return null;
                case "--older-than":
                    o.olderThan = parseAge(value(args, ++i, a));
                    break;
                case "--output":
                    o.output = Path.of(value(args, ++i, a));
                    break;
                case "--print-token":
                    o.printToken = true;
                    break;
                case "--token-file":
                    o.tokenFile = Path.of(value(args, ++i, a));
                    break;
                case "--name":
                    o.name = value(args, ++i, a);
                    break;
                case "--workspace":
                    o.workspace = value(args, ++i, a);
                    break;
                case "--dry-run":
                    o.dryRun = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.olderThan == null) {
            throw new IllegalArgumentException("--older-than is required");
        }
        if (o.output == null && !o.printToken) {
            throw new IllegalArgumentException("give --output FILE or --print-token: the new value is shown only once");
        }
        if (o.output != null && o.printToken) {
            throw new IllegalArgumentException("--output and --print-token exclude each other");
        }
        return o;
    }

    static Duration parseAge(String text) {
        Matcher m = AGE.matcher(text.toLowerCase(Locale.ROOT));
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "d": d = Duration.ofDays(n); break;
                case "h": d = Duration.ofHours(n); break;
                case "m": d = Duration.ofMinutes(n); break;
                default: d = Duration.ofSeconds(n); break;
            }
        } else {
            try {
                String iso = text.toUpperCase(Locale.ROOT);
                if (iso.contains("T")) {
                    d = Duration.parse(iso);
                } else {
                    java.time.Period p = java.time.Period.parse(iso);
                    d = p.getYears() == 0 && p.getMonths() == 0 ? Duration.ofDays(p.getDays()) : null;
                }
            } catch (RuntimeException e) {
                d = null;
            }
        }
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("cannot read the age \"" + text + "\"; use 30d, 12h, 45m, 90s or P30D");
        }
        return d;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static void usage(PrintStream out) {
        out.println("usage: RotateServiceTokens --older-than AGE (--output FILE | --print-token) [--token-file FILE]"
                + " [--name NAME] [--workspace ID] [--dry-run]");
        out.println("  env: PRISMA_SERVICE_TOKEN, PRISMA_API_URL; without a token it runs against an embedded"
                + " emulator");
    }

    /** A clock with an adjustable offset, for the demo emulator. */
    static final class ShiftedClock extends Clock {
        private final Clock base;
        volatile Duration offset = Duration.ZERO;

        ShiftedClock(Clock base) {
            this.base = Objects.requireNonNull(base);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset);
        }
    }
}
