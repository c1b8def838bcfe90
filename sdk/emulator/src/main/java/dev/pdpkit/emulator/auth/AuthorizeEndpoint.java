package dev.pdpkit.emulator.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.internal.http.HttpRequest;
import dev.pdpkit.emulator.internal.http.HttpResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** {@code /authorize}: checks the request, then approves at once or shows the consent page and takes its answer. */
final class AuthorizeEndpoint {
    private final Map<String, RegisteredClient> clients;
    private final EmulatedUser user;
    private final ConsentPage consentPage;
    private final GrantRegistry registry;
    private final Duration codeLifetime;
    private final Clock clock;
    private final Supplier<String> issuer;
    private final Supplier<ApprovalMode> approvalMode;
    private final Map<String, PendingConsent> pendingConsents = new ConcurrentHashMap<>();

    private record PendingConsent(RegisteredClient client, String redirectUri, String state, String codeChallenge,
                                  Set<String> scopes, Instant expiresAt) {
    }

    /** What an accepted authorization request asks for. */
    private record Ask(RegisteredClient client, String redirectUri, String state, String challenge,
                       Set<String> scopes) {
    }

    AuthorizeEndpoint(Map<String, RegisteredClient> clients, EmulatedUser user, ConsentPage consentPage,
                      GrantRegistry registry, Duration codeLifetime, Clock clock, Supplier<String> issuer,
                      Supplier<ApprovalMode> approvalMode) {
        this.clients = clients;
        this.user = user;
        this.consentPage = consentPage;
        this.registry = registry;
        this.codeLifetime = codeLifetime;
        this.clock = clock;
        this.issuer = issuer;
        this.approvalMode = approvalMode;
    }

    HttpResponse handle(HttpRequest request) throws IOException {
        try {
            if (request.method().equals("GET")) {
                return authorizeRequest(HttpIo.parseForm(request.rawQuery()));
            }
            if (request.method().equals("POST")) {
                return consentDecision(HttpIo.readForm(request));
            }
            return errorPage(request, new OAuthError("invalid_request", "method not allowed; use GET", 405))
                    .header("Allow", "GET, POST");
        } catch (OAuthError e) {
            // Errors before the redirect URI is validated must never redirect (RFC 6749 section 4.1.2.1).
            return errorPage(request, e);
        }
    }

    /** A page for a browser; the emulator's JSON error shape for any other client. */
    private static HttpResponse errorPage(HttpRequest request, OAuthError e) {
        String accept = request.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            return HttpIo.html(e.status, ConsentPage.page("Invalid request", "<p>"
                    + HttpIo.escapeHtml(e.getMessage()) + "</p>"));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", e.error).put("message", e.getMessage());
        return HttpIo.json(e.status, body);
    }

    private HttpResponse authorizeRequest(Map<String, String> q) throws OAuthError {
        String clientId = q.get("client_id");
        RegisteredClient client = clientId == null ? null : clients.get(clientId);
        if (client == null) {
            throw OAuthError.invalidRequest(clientId == null ? "client_id is required" : "unknown client_id");
        }
        String redirectUri = q.get("redirect_uri");
        if (redirectUri == null || !RedirectUris.allowed(client.redirectUris(), redirectUri)) {
            throw OAuthError.invalidRequest("redirect_uri is missing or not registered for this client");
        }
        String state = q.get("state");
        // From here on errors go back to the client through the redirect URI.
        String problem = problem(client, q);
        if (problem != null) {
            int colon = problem.indexOf(':');
            return redirectError(redirectUri, state, problem.substring(0, colon), problem.substring(colon + 1));
        }
        Ask ask = new Ask(client, redirectUri, state, q.get("code_challenge"), TokenIssuer.parseScopes(q.get("scope")));
        if (approvalMode.get() == ApprovalMode.AUTO_APPROVE) {
            return redirectWithCode(ask, user.workspaceIds().get(0));
        }
        String requestId = GrantRegistry.randomToken(18);
        Instant now = clock.instant();
        pendingConsents.values().removeIf(p -> !now.isBefore(p.expiresAt())); // abandoned pages
        pendingConsents.put(requestId, new PendingConsent(client, redirectUri, state, ask.challenge(), ask.scopes(),
                now.plus(Duration.ofMinutes(10))));
        return HttpIo.html(200, consentPage.render(requestId, client, user, ask.scopes()));
    }

    /** @return "error:description" for a request to refuse through the redirect URI, or null */
    private static String problem(RegisteredClient client, Map<String, String> q) {
        if (!"code".equals(q.get("response_type"))) {
            return "unsupported_response_type:response_type must be code";
        }
        String challenge = q.get("code_challenge");
        String method = q.get("code_challenge_method");
        if (challenge != null) {
            if (!"S256".equals(method)) {
                return "invalid_request:code_challenge_method must be S256";
            }
            if (!Pkce.validChallenge(challenge)) {
                return "invalid_request:malformed code_challenge";
            }
        } else if (method != null) {
            return "invalid_request:code_challenge_method without challenge";
        } else if (!client.confidential()) {
            return "invalid_request:PKCE is required for public clients";
        }
        return TokenIssuer.parseScopes(q.get("scope")) == null ? "invalid_scope:unknown scope" : null;
    }

    private HttpResponse consentDecision(Map<String, String> form) throws OAuthError {
        String requestId = form.get("request");
        PendingConsent pending = requestId == null ? null : pendingConsents.remove(requestId);
        if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
            throw OAuthError.invalidRequest("this authorization request is unknown or has expired; start again");
        }
        if (!"approve".equals(form.get("decision"))) {
            return redirectError(pending.redirectUri(), pending.state(), "access_denied",
                    "the user denied the request");
        }
        String workspaceId = form.get("workspace");
        if (workspaceId == null || !user.workspaceIds().contains(workspaceId)) {
            throw OAuthError.invalidRequest("pick one of your workspaces");
        }
        return redirectWithCode(new Ask(pending.client(), pending.redirectUri(), pending.state(),
                pending.codeChallenge(), pending.scopes()), workspaceId);
    }

    private HttpResponse redirectWithCode(Ask ask, String workspaceId) {
        String code = registry.issueCode(new GrantRegistry.CodeRecord(ask.client().clientId(), ask.redirectUri(),
                ask.challenge(), user.id(), workspaceId, ask.scopes(), clock.instant().plus(codeLifetime)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", ask.state());
        params.put("iss", issuer.get());
        return HttpIo.redirect(HttpIo.withQuery(ask.redirectUri(), params));
    }

    private HttpResponse redirectError(String redirectUri, String state, String error, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        params.put("iss", issuer.get());
        return HttpIo.redirect(HttpIo.withQuery(redirectUri, params));
    }
}
