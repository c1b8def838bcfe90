package dev.pdpkit.client.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Parses {@code Retry-After}: delta seconds or an HTTP date (RFC 9110, section 10.2.3). */
public final class RetryAfter {
    /** What an absurdly large delta stands for: longer than any client waits. */
    public static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    private RetryAfter() {
    }

    /**
     * @param value the header value, or null
     * @param clock the clock an HTTP date is measured against
     * @return the wait (zero for a date in the past; {@link #FOREVER} for a number too large to hold), or null when
     *     the value is absent or unreadable
     */
    public static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException | ArithmeticException e) {
                return FOREVER; // an absurdly long digit string still asks for a very long wait
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }
}
