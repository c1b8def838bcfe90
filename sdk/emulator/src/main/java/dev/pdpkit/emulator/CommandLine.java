package dev.pdpkit.emulator;

import dev.pdpkit.emulator.auth.ApprovalMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Turns the standalone emulator's flags into a {@link PrismaEmulator.Builder}. */
final class CommandLine {
    static final int DEFAULT_PORT = 4466;
    /** Standalone, databases take a moment to provision, so that waiting code is exercised. */
    static final Duration DEFAULT_PROVISIONING_DELAY = Duration.ofSeconds(3);

    static final String USAGE = String.join("\n",
            "usage: java -jar pdpkit-emulator-<version>-standalone.jar [options]",
            "  --port N                    port, 0 = any free one (default " + DEFAULT_PORT + ")",
            "  --host ADDRESS              interface to listen on (default 127.0.0.1)",
            "  --token-ttl DURATION        OAuth access token lifetime (default 1h)",
            "  --refresh-token-ttl DURATION  OAuth refresh token lifetime (default 90d)",
            "  --provisioning-delay DURATION  time a new database stays provisioning (default 3s)",
            "  --restore-delay DURATION    time a restored database stays recovering (default: provisioning delay)",
            "  --consent auto|page         approve /authorize at once, or show a consent page (default auto)",
            "  --seed FILE                 seed workspaces from a JSON file instead of the two defaults",
            "  --reject-unknown-members    refuse body members and query parameters the API document lacks",
            "  --no-validate-requests      do not check requests against the API document",
            "  --no-validate-responses     do not check answers against the API document",
            "  --verbose                   log every API request",
            "  -h, --help                  this text",
            "DURATION: 500ms, 30s, 5m, 2h, 7d, or ISO-8601 such as PT90S.");

    private static final java.util.Set<String> VALUE_FLAGS = java.util.Set.of("--port", "--host", "--token-ttl",
            "--refresh-token-ttl", "--provisioning-delay", "--provisioning-delay-ms", "--restore-delay", "--consent",
            "--seed");

    private CommandLine() {
    }

    /**
     * @return the configured builder
     * @throws Main.UsageException for an unknown flag, a missing or malformed value, or {@code --help}
     */
    static PrismaEmulator.Builder parse(String[] args) {
        PrismaEmulator.Builder b = PrismaEmulator.builder().port(DEFAULT_PORT)
                .provisioningDelay(DEFAULT_PROVISIONING_DELAY);
        for (int i = 0; i < args.length; i++) {
            if (!applySwitch(b, args[i])) {
                if (!VALUE_FLAGS.contains(args[i])) {
                    throw new Main.UsageException("unknown option " + args[i], false);
                }
                apply(b, args[i], value(args, i + 1, args[i]));
                i++;
            }
        }
        return b;
    }

    /** @return whether {@code flag} takes no value (and was applied) */
    private static boolean applySwitch(PrismaEmulator.Builder b, String flag) {
        switch (flag) {
            case "-h":
            case "--help":
                throw new Main.UsageException(null, true);
            case "--reject-unknown-members":
                b.acceptUnknownMembers(false);
                return true;
            case "--no-validate-requests":
                b.validateRequests(false);
                return true;
            case "--no-validate-responses":
                b.validateResponses(false);
                return true;
            case "--verbose":
                b.logRequests(true);
                return true;
            default:
                return false;
        }
    }

    private static void apply(PrismaEmulator.Builder b, String flag, String value) {
        switch (flag) {
            case "--port" -> b.port(port(value));
            case "--host" -> b.host(value);
            case "--token-ttl" -> b.accessTokenLifetime(positive(duration(flag, value), flag));
            case "--refresh-token-ttl" -> b.refreshTokenLifetime(positive(duration(flag, value), flag));
            case "--provisioning-delay" -> b.provisioningDelay(duration(flag, value));
            case "--provisioning-delay-ms" -> b.provisioningDelay(duration(flag, value + "ms"));
            case "--restore-delay" -> b.restoreDelay(duration(flag, value));
            case "--consent" -> b.approvalMode(consent(value));
            case "--seed" -> SeedFile.read(Path.of(value)).forEach(b::workspace);
            default -> throw new Main.UsageException("unknown option " + flag, false);
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new Main.UsageException(flag + " needs a value", false);
        }
        return args[i];
    }

    private static int port(String v) {
        try {
            int port = Integer.parseInt(v);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Main.UsageException("--port needs a number from 0 to 65535, got " + v, false);
    }

    private static ApprovalMode consent(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "auto": return ApprovalMode.AUTO_APPROVE;
            case "page": return ApprovalMode.CONSENT_PAGE;
            default: throw new Main.UsageException("--consent needs auto or page, got " + v, false);
        }
    }

    private static Duration positive(Duration d, String flag) {
        if (d.isZero()) {
            throw new Main.UsageException(flag + " must be longer than zero", false);
        }
        return d;
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, or ISO-8601; never negative. */
    static Duration duration(String flag, String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.startsWith("p")) {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } else if (s.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            } else {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                d = switch (s.charAt(s.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> throw new NumberFormatException(s);
                };
            }
            if (!d.isNegative()) {
                return d;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw new Main.UsageException(flag + " needs a duration such as 30s, 5m or 2h, got " + v, false);
    }
}
