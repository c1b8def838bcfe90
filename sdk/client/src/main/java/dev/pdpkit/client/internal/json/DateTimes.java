package dev.pdpkit.client.internal.json;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the date-times the API sends. Nearly all of them have the one shape of RFC 3339 with upper-case separators
 * ({@code 2025-01-15T10:30:00.123Z}); this reads that shape directly, without the general formatter's per-call field
 * maps, and hands anything else to {@link OffsetDateTime#parse}, so the results and refusals are the JDK's in every
 * case.
 */
final class DateTimes {
    private DateTimes() {
    }

    /**
     * Parses an ISO-8601 date-time with an offset, exactly as {@link OffsetDateTime#parse(CharSequence)} does.
     *
     * @param text the text
     * @return the date-time
     * @throws DateTimeParseException if {@code OffsetDateTime.parse} would refuse it
     */
    static OffsetDateTime parseOffsetDateTime(String text) {
        OffsetDateTime fast = tryCommonShape(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /** @return the date-time, or null when the text is not in the common shape or not a valid date (the JDK decides) */
    static OffsetDateTime tryCommonShape(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            int count = i - start;
            if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null; // an impossible date: the JDK's parser refuses it with its own message
        }
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (i != n - 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
            return null;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        int sign = s.charAt(i) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
