package dev.pdpkit.examples.claimboot;

import dev.pdpkit.client.model.Project;
import dev.pdpkit.oauth.claim.ClaimResult;
import java.util.List;
import java.util.Locale;

/** The HTML of the example's two pages, every value escaped. */
final class ClaimPages {
    private ClaimPages() {
    }

    static String offers(List<Project> projects, String instance) {
        StringBuilder rows = new StringBuilder();
        for (Project p : projects) {
            rows.append("<li><span class=\"project-name\">").append(esc(p.name())).append("</span> ")
                    .append("<span class=\"project-id\">").append(esc(p.id())).append("</span>")
                    .append("<form method=\"post\" action=\"/claim\"><input type=\"hidden\" name=\"project\" value=\"")
                    .append(esc(p.id())).append("\"><button id=\"claim-").append(esc(p.id()))
                    .append("\">Claim it</button></form></li>");
        }
        return page("Your databases", "<ul>" + rows + "</ul>", instance);
    }

    static String result(ClaimResult result, String instance) {
        String outcome = result.status().name().toLowerCase(Locale.ROOT);
        String body = "<p id=\"outcome\" data-outcome=\"" + esc(outcome) + "\">" + esc(result.message()) + "</p>"
                + "<p>Project <span id=\"project-id\">" + esc(result.projectId().orElse("")) + "</span></p>";
        return page(result.claimed() ? "Claimed" : "Not claimed", body, instance);
    }

    private static String page(String title, String body, String instance) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title></head><body><h1>"
                + esc(title) + "</h1>" + body + "<footer id=\"instance\">Served by " + esc(instance)
                + "</footer></body></html>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
