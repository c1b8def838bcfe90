package dev.pdpkit.examples.claimboot;

import dev.pdpkit.oauth.claim.ClaimResult;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The HTML of the example's pages, every value escaped; times read as "3 minutes ago" in the server's zone. */
final class ClaimPages {
    private final Clock clock;
    private final String instance;

    ClaimPages(Clock clock, String instance) {
        this.clock = clock;
        this.instance = instance;
    }

    String offers(List<DatabaseSummary> databases) {
        StringBuilder rows = new StringBuilder();
        for (DatabaseSummary db : databases) {
            rows.append("<li>").append(describe(db))
                    .append("<form method=\"post\" action=\"/claim\"><input type=\"hidden\" name=\"project\" value=\"")
                    .append(esc(db.id())).append("\"><button id=\"claim-").append(esc(db.id()))
                    .append("\">Claim it</button></form></li>");
        }
        return page("Your databases", "<ul>" + rows + "</ul>");
    }

    String claimed(DatabaseSummary db) {
        String body = "<p id=\"outcome\" data-outcome=\"claimed\">The database now belongs to your workspace.</p>"
                + "<p>" + describe(db) + "</p>";
        return page("Claimed", body);
    }

    String failed(ClaimResult result) {
        String outcome = result.status().name().toLowerCase(Locale.ROOT);
        String body = "<p id=\"outcome\" data-outcome=\"" + esc(outcome) + "\">" + esc(result.message()) + "</p>";
        return page("Not claimed", body);
    }

    /** The human sentence, with the full date as a tooltip and the id small, for support. */
    private String describe(DatabaseSummary db) {
        return "<span class=\"database\" id=\"database-" + esc(db.id()) + "\" title=\""
                + esc(db.createdDate(clock.getZone())) + "\">" + esc(db.sentence(clock)) + "</span>"
                + " <small class=\"database-id\">" + esc(db.id()) + "</small>";
    }

    private String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title></head><body><h1>"
                + esc(title) + "</h1>" + body + "<footer id=\"instance\">Served by " + esc(instance)
                + "</footer></body></html>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
