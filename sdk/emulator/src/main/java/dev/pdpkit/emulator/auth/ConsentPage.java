package dev.pdpkit.emulator.auth;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The small HTML consent page of {@code /authorize} in {@link ApprovalMode#CONSENT_PAGE} mode. */
final class ConsentPage {
    private final Map<String, EmulatedWorkspace> workspaces;
    private final Supplier<String> formAction;

    ConsentPage(Map<String, EmulatedWorkspace> workspaces, Supplier<String> formAction) {
        this.workspaces = workspaces;
        this.formAction = formAction;
    }

    String render(String requestId, RegisteredClient client, EmulatedUser user, Set<String> scopes) {
        StringBuilder body = new StringBuilder();
        body.append("<p><strong>").append(HttpIo.escapeHtml(client.name()))
                .append("</strong> asks for access to one of your workspaces.</p>")
                .append("<p>Signed in as ").append(HttpIo.escapeHtml(user.email())).append("</p>")
                .append("<p>Scopes: ").append(HttpIo.escapeHtml(String.join(" ", scopes))).append("</p>")
                .append("<form method=\"post\" action=\"").append(HttpIo.escapeHtml(formAction.get()))
                .append("\">")
                .append("<input type=\"hidden\" name=\"request\" value=\"").append(requestId).append("\">")
                .append("<fieldset><legend>Workspace</legend>");
        boolean first = true;
        for (String id : user.workspaceIds()) {
            EmulatedWorkspace ws = workspaces.get(id);
            body.append("<label><input type=\"radio\" name=\"workspace\" value=\"").append(HttpIo.escapeHtml(id))
                    .append('"').append(first ? " checked" : "").append("> ")
                    .append(HttpIo.escapeHtml(ws.name())).append("</label><br>");
            first = false;
        }
        body.append("</fieldset>")
                .append("<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>")
                .append("</form>");
        return page("Authorize " + client.name(), body.toString());
    }

    static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + HttpIo.escapeHtml(title)
                + "</title></head><body><h1>" + HttpIo.escapeHtml(title) + "</h1>" + body
                + "<p><small>pdpkit emulator</small></p></body></html>";
    }
}
