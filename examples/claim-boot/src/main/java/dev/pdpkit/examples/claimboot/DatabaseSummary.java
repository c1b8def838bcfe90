package dev.pdpkit.examples.claimboot;

import dev.pdpkit.client.model.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * A database as a person reads it: "shop in Frankfurt (eu-central-1), created 3 minutes ago". The raw id stays
 * available for support, shown small.
 *
 * @param id the project id
 * @param name the name the partner gave it
 * @param region the region id, or null if the API did not say
 * @param createdAt when it was created, or null if unknown
 */
record DatabaseSummary(String id, String name, String region, Instant createdAt) {
    private static final Map<String, String> CITIES = Map.of(
            "us-east-1", "N. Virginia", "us-west-1", "N. California", "us-west-2", "Oregon", "eu-west-1", "Ireland",
            "eu-west-3", "Paris", "eu-central-1", "Frankfurt", "ap-northeast-1", "Tokyo",
            "ap-southeast-1", "Singapore");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH);

    static DatabaseSummary of(Project p) {
        // Tolerant: a project without a creation time still gets a page, "created at an unknown time".
        return new DatabaseSummary(p.id(), p.name(), p.defaultRegion().orElse(null),
                p._createdAt().asOptional().map(OffsetDateTime::toInstant).orElse(null));
    }

    /** @return "Frankfurt (eu-central-1)", the bare id for a region this page does not know, or "an unknown region" */
    String regionText() {
        if (region == null || region.isBlank()) {
            return "an unknown region";
        }
        String city = CITIES.get(region);
        return city == null ? region : city + " (" + region + ")";
    }

    /**
     * @param clock now, and the zone dates older than a week are shown in
     * @return "just now", "3 minutes ago", "2 days ago", or a date such as "Mar 4, 2026, 10:15:00 AM"
     */
    String createdText(Clock clock) {
        if (createdAt == null) {
            return "at an unknown time";
        }
        Duration age = Duration.between(createdAt, clock.instant());
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toDays() >= 7) {
            return "on " + DATE.format(createdAt.atZone(clock.getZone()));
        }
        long n;
        String unit;
        if (age.toHours() < 1) {
            n = age.toMinutes();
            unit = "minute";
        } else if (age.toDays() < 1) {
            n = age.toHours();
            unit = "hour";
        } else {
            n = age.toDays();
            unit = "day";
        }
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }

    /** @return the full local date, for a tooltip */
    String createdDate(ZoneId zone) {
        return createdAt == null ? "" : DATE.format(createdAt.atZone(zone));
    }

    /** @param clock now @return "shop in Frankfurt (eu-central-1), created 3 minutes ago" */
    String sentence(Clock clock) {
        String when = createdText(clock);
        return name + " in " + regionText() + ", created " + when;
    }
}
