package dev.pdpkit.examples.claim;

import dev.pdpkit.oauth.claim.ClaimResult;
import java.util.List;

/** The claim application's HTML: small, no scripts, every value escaped. */
final class ClaimPages {
    private ClaimPages() {
    }

    /** A database on the home page; {@code available} false once it is gone from the partner's workspace. */
    record Offer(String id, String name, String region, String createdAt, boolean available) {
    }

    /** A page and its status. */
    record Rendered(int status, String html) {
    }

    static String home(List<Offer> offers) {
        StringBuilder b = new StringBuilder();
        b.append("<p>Example Partner created a Prisma Postgres database for you. Claim it to move it into your own ")
                .append("Prisma workspace: you keep the data and the connection strings, and manage it (and its ")
                .append("limits) yourself.</p>");
        if (offers.isEmpty()) {
            b.append("<p>There is no database to claim.</p>");
        }
        for (Offer o : offers) {
            b.append("<section class=\"db\" id=\"").append(esc(o.id())).append("\">");
            if (o.available()) {
                b.append("<h2>").append(esc(o.name())).append("</h2><dl>")
                        .append("<dt>Project</dt><dd class=\"project-id\">").append(esc(o.id())).append("</dd>");
                if (o.region() != null && !o.region().isEmpty()) {
                    b.append("<dt>Region</dt><dd>").append(esc(o.region())).append("</dd>");
                }
                b.append("<dt>Created</dt><dd>").append(esc(o.createdAt())).append("</dd></dl>")
                        .append("<form method=\"post\" action=\"/claim\">")
                        .append("<input type=\"hidden\" name=\"project\" value=\"").append(esc(o.id())).append("\">")
                        .append("<button type=\"submit\" id=\"claim-").append(esc(o.id()))
                        .append("\">Claim it</button></form>")
                        .append("<p class=\"small\">You will sign in to Prisma and choose the workspace.</p>");
            } else {
                b.append("<h2>").append(esc(o.id())).append("</h2>")
                        .append("<p>This database is no longer here: it was claimed, or it was deleted.</p>");
            }
            b.append("</section>");
        }
        return page("Claim your database", b.toString());
    }

    static Rendered explain(ClaimResult r) {
        String project = r.projectId().orElse(null);
        switch (r.status()) {
            case CLAIMED: {
                String name = r.project().map(p -> p.name()).orElse(project);
                String ws = r.recipientWorkspaceId().map(w -> " (" + esc(w) + ")").orElse("");
                return outcome(200, "claimed", "The database is yours",
                        "<p><strong>" + esc(name) + "</strong> now belongs to your workspace" + ws
                                + ". You manage it from your own Prisma workspace from now on; Example Partner no "
                                + "longer has access to it.</p>"
                                + (project == null ? "" : "<p>Project id: <code id=\"project-id\">" + esc(project)
                                + "</code></p>"));
            }
            case CANCELLED:
                return outcome(200, "cancelled", "Claim cancelled",
                        "<p>You chose not to give access on Prisma's page, so nothing was changed. The database is "
                                + "still kept for you; you can claim it later.</p>");
            case EXPIRED:
            case REPLAYED:
                return outcome(410, "expired", "This claim link can't be used any more",
                        "<p>This sign-in was already used, or it was started too long ago (claims are valid for 15 "
                                + "minutes). Nothing was changed. Start again from the database page.</p>");
            case INVALID_CALLBACK:
                return outcome(400, "invalid", "We couldn't verify this sign-in",
                        "<p>The answer from Prisma doesn't match a claim started in this browser, so we stopped for "
                                + "your safety. Nothing was changed. If you clicked a link someone sent you, ignore "
                                + "it; otherwise start again from the database page.</p>");
            case AUTHORIZATION_FAILED:
                return outcome(502, "authorization-failed", "Prisma didn't complete the sign-in",
                        "<p>Prisma's sign-in reported a problem"
                                + r.oauthError().map(e -> " (<code>" + esc(e) + "</code>)").orElse("")
                                + ", so we could not get permission to move the database. Nothing was changed. "
                                + "Please try again.</p>");
            case PROJECT_NOT_FOUND:
                return outcome(404, "not-found", "This database no longer exists",
                        "<p>We couldn't find the database any more. Databases that are not claimed in time are "
                                + "deleted, and a database can be claimed only once. Nothing was moved.</p>");
            case NOT_TRANSFERABLE:
                return outcome(409, "not-transferable", "The database can't be moved right now",
                        "<p>Prisma refused to move it in its current state. This happens when it is already in "
                                + "the workspace you picked, or that workspace already has a project with the same "
                                + "identifier. Nothing was changed. Pick another workspace or try again later.</p>");
            case RECIPIENT_REJECTED:
                return outcome(403, "recipient-rejected", "Prisma didn't accept your workspace's permission",
                        "<p>The permission you gave was rejected when we tried to move the database (it may have "
                                + "expired or been revoked). Nothing was changed. Please claim it again.</p>");
            default:
                return unavailable();
        }
    }

    static Rendered unavailable() {
        return outcome(503, "unavailable", "Prisma can't be reached right now",
                "<p>We couldn't talk to Prisma to finish the claim. Nothing you did caused this. Please start again "
                        + "from the database page in a few minutes.</p>");
    }

    private static Rendered outcome(int status, String code, String title, String body) {
        return new Rendered(status, page(title, "<div id=\"outcome\" data-outcome=\"" + code + "\">" + body
                + "</div><p><a href=\"/\">Back to your databases</a></p>"));
    }

    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width\"><style>"
                + "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}"
                + "section.db{border:1px solid #ccc;border-radius:8px;padding:1rem;margin:1rem 0}"
                + "button{font-size:1.1rem;padding:.5rem 1.2rem}.small{color:#666;font-size:.9rem}"
                + "dt{font-weight:bold}</style></head><body><h1>" + esc(title) + "</h1>" + body
                + "<p class=\"small\">Example Partner, built with pdpkit</p></body></html>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }
}
