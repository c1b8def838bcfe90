package dev.pdpkit.cli.commands;

import dev.pdpkit.cli.internal.CliException;
import dev.pdpkit.cli.internal.ExitCodes;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as {@code 30d}, {@code 12h}, {@code 45m}, {@code 90s}, {@code 500ms} or ISO-8601. */
final class Ages {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|d|h|m|s)");

    private Ages() {
    }

    static Duration parse(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "d": return Duration.ofDays(n);
                    case "h": return Duration.ofHours(n);
                    case "m": return Duration.ofMinutes(n);
                    case "s": return Duration.ofSeconds(n);
                    default: return Duration.ofMillis(n);
                }
            }
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new CliException(ExitCodes.USAGE, option + ": not a duration: " + text
                    + " (use 30d, 12h, 45m, 90s or ISO-8601 like P30D)");
        }
    }
}
