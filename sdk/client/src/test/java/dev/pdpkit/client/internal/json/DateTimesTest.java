package dev.pdpkit.client.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast date-time reader must agree with {@link OffsetDateTime#parse} on every input, accepted or refused. */
class DateTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-15T10:30:00Z", "2025-01-15T10:30:00.123Z", "2025-01-15T10:30:00.1Z",
            "2025-01-15T10:30:00.123456789Z", "2024-02-29T23:59:59.999+05:30", "2025-06-01T00:00:00-00:00",
            "2025-06-01T00:00:00-08:00", "0000-01-01T00:00:00Z", "2025-06-01T00:00:00+18:00"})
    void commonShapesAreReadDirectlyAndMatchTheJdk(String text) {
        OffsetDateTime fast = DateTimes.tryCommonShape(text);
        assertNotNull(fast, text);
        assertEquals(OffsetDateTime.parse(text), fast);
        assertEquals(OffsetDateTime.parse(text).getOffset(), fast.getOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-15t10:30:00z", "2025-01-15T10:30Z", "2025-01-15T10:30:00.Z",
            "2025-01-15T10:30:00.1234567890Z", "2025-02-30T10:30:00Z", "2025-01-15T24:00:00Z",
            "2025-01-15T10:30:60Z", "2025-01-15T10:30:00+19:00", "2025-01-15T10:30:00+05:30:15",
            "+12025-01-15T10:30:00Z", "2025-01-15T10:30:00", "2025-01-15 10:30:00Z", "2025-01-15T10:30:00+0530"})
    void anythingElseIsLeftToTheJdk(String text) {
        assertNull(DateTimes.tryCommonShape(text), text);
        assertSameOutcome(text);
    }

    @Test
    void randomMutationsOfValidDateTimesAgreeWithTheJdk() {
        Random random = new Random(20261201);
        String alphabet = "0123456789-+:.TZtz ";
        String[] seeds = {"2025-01-15T10:30:00.123Z", "2024-02-29T23:59:59+05:30", "1999-12-31T00:00:00.5-08:00"};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int m = random.nextInt(3) + 1; m > 0 && s.length() > 0; m--) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertSameOutcome(s.toString());
        }
    }

    private static void assertSameOutcome(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        OffsetDateTime actual;
        try {
            actual = DateTimes.parseOffsetDateTime(text);
        } catch (DateTimeParseException e) {
            actual = null;
        }
        assertEquals(expected, actual, text);
    }
}
