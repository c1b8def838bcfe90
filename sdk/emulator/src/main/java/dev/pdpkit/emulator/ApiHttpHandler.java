package dev.pdpkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.pdpkit.emulator.api.ApiException;
import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.api.Call;
import dev.pdpkit.emulator.api.Ids;
import dev.pdpkit.emulator.api.Json;
import dev.pdpkit.emulator.api.ManagementApi;
import dev.pdpkit.emulator.api.Model.ServiceToken;
import dev.pdpkit.emulator.api.OAuthBackend;
import dev.pdpkit.emulator.api.OAuthPrincipal;
import dev.pdpkit.emulator.api.Principal;
import dev.pdpkit.emulator.api.Result;
import dev.pdpkit.emulator.api.Routes;
import dev.pdpkit.emulator.api.SpecValidator;
import dev.pdpkit.emulator.api.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /v1/...}: faults, routing, authentication, request validation, the operation, response validation.
 */
final class ApiHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int JOURNAL_SIZE = 1000;

    private final Store store;
    private final Routes routes = new Routes();
    private final Map<String, ManagementApi.Handler> handlers;
    private final OAuthBackend oauth;
    private final ApiStats stats;
    private final Faults faults;
    private final boolean validateRequests;
    private final boolean validateResponses;
    private final List<ResponseViolation> violations = new CopyOnWriteArrayList<>();
    private final Deque<RecordedRequest> journal = new ConcurrentLinkedDeque<>();
    private final AtomicInteger journalSize = new AtomicInteger();

    ApiHttpHandler(Store store, ManagementApi api, OAuthBackend oauth, ApiStats stats, Faults faults,
                   boolean validateRequests, boolean validateResponses) {
        this.store = store;
        this.handlers = api.handlers();
        this.oauth = oauth;
        this.stats = stats;
        this.faults = faults;
        this.validateRequests = validateRequests;
        this.validateResponses = validateResponses;
    }

    List<ResponseViolation> violations() {
        return Collections.unmodifiableList(violations);
    }

    void clearViolations() {
        violations.clear();
    }

    List<RecordedRequest> journal() {
        return List.copyOf(journal);
    }

    void clearJournal() {
        journal.clear();
        journalSize.set(0);
    }

    Routes routes() {
        return routes;
    }

    /** Mutable per-request bookkeeping. */
    private static final class Exchange {
        final HttpExchange http;
        final String requestId = "req_" + Ids.secret(20);
        final Instant at;
        final String method;
        final String path;
        final String rawQuery;
        String operationId;
        String body = "";
        Principal principal;
        FaultRule fault;

        Exchange(HttpExchange http, Instant at) {
            this.http = http;
            this.at = at;
            this.method = http.getRequestMethod().toUpperCase(Locale.ROOT);
            this.path = http.getRequestURI().getPath();
            this.rawQuery = http.getRequestURI().getRawQuery();
        }
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        Exchange ex = new Exchange(http, store.now());
        try {
            serve(ex);
        } catch (RuntimeException | Error e) {
            LOG.error("emulator failed on {} {}", ex.method, ex.path, e);
            try {
                send(ex, 500, Json.error("internal_server_error", "The emulator failed: " + e, null), Map.of());
            } catch (IOException | RuntimeException ignored) {
                http.close();
            }
        }
    }

    private void serve(Exchange ex) throws IOException {
        Optional<Routes.Match> match = routes.find(ex.method, ex.path);
        ex.operationId = match.map(m -> m.route().operationId()).orElse(null);
        stats.request(ex.operationId);

        // 1. Faults, as a gateway in front of the service would produce them.
        FaultRule fault = faults.pick(ex.method, ex.path, ex.operationId);
        if (fault != null) {
            ex.fault = fault;
            stats.event(ApiStats.FAULTS_INJECTED);
            if (!fault.delay().isZero() && !sleep(fault.delay())) {
                return;
            }
            switch (fault.action()) {
                case DROP_CONNECTION:
                    drop(ex);
                    return;
                case RESPOND:
                    sendFault(ex, fault);
                    return;
                default:
                    break;
            }
        }
        Duration wait = faults.rateLimited(ex.method, ex.path, ex.operationId, System.nanoTime());
        if (wait != null) {
            stats.event(ApiStats.FAULTS_INJECTED);
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            send(ex, 429, Json.error("rate_limited", "Too many requests; retry in " + seconds + " s.", null),
                    Map.of("Retry-After", Long.toString(seconds)));
            return;
        }

        // 2. Body (size cap first, as the service does with 413).
        byte[] raw = readBody(ex.http.getRequestBody());
        if (raw == null) {
            send(ex, 413, Json.error("payload_too_large", "Request body exceeds this endpoint's size cap of "
                    + MAX_BODY_BYTES + " bytes.", null), Map.of());
            return;
        }
        ex.body = new String(raw, StandardCharsets.UTF_8);

        // 3. Routing.
        if (match.isEmpty()) {
            List<String> allowed = routes.methodsFor(ex.path);
            if (allowed.isEmpty()) {
                send(ex, 404, Json.error("not_found", "No operation at " + ex.path + ".", null), Map.of());
            } else {
                send(ex, 405, Json.error("method_not_allowed", ex.method + " is not supported on " + ex.path + ".",
                        null), Map.of("Allow", String.join(", ", allowed)));
            }
            return;
        }
        Routes.Match m = match.get();

        // 4. Authentication.
        try {
            ex.principal = authenticate(ex.http.getRequestHeaders().getFirst("Authorization"));
        } catch (ApiException e) {
            stats.event(ApiStats.UNAUTHORIZED);
            sendError(ex, e);
            return;
        }

        // 5. Request validation against the spec.
        Map<String, List<String>> query = parseQuery(ex.rawQuery);
        if (validateRequests) {
            SpecValidator spec = SpecValidator.get();
            List<String> errors = spec.validateRequest(ex.method, ex.path, query, requestHeaders(ex.http),
                    ex.body);
            if (!errors.isEmpty()) {
                stats.event(ApiStats.INVALID_REQUESTS);
                int status = spec.invalidRequestStatus(ex.operationId);
                boolean declared = spec.declaredStatuses(ex.operationId).contains(status);
                sendError(ex, new ApiException(status, "validation_error",
                        "The request does not match the API schema: " + String.join("; ", errors),
                        "See the OpenAPI document of the Management API for the expected shape.", !declared));
                return;
            }
        }
        JsonNode body;
        try {
            body = parseBody(ex.body);
        } catch (ApiException e) {
            stats.event(ApiStats.INVALID_REQUESTS);
            sendError(ex, e);
            return;
        }

        // 6. The operation itself, atomically.
        Call call = new Call(ex.operationId, ex.principal, m.pathParams(), query, body, store.now());
        Result result;
        boolean exempt = false;
        try {
            synchronized (store) {
                result = handlers.get(ex.operationId).handle(call);
            }
        } catch (ApiException e) {
            result = errorResult(e);
            exempt = e.outsideContract();
        }

        if (fault != null && fault.action() == FaultRule.Action.DROP_RESPONSE) {
            drop(ex);
            return;
        }

        // 7. Response validation.
        if (validateResponses && !exempt) {
            String text = result.body() == null ? null : new String(Json.bytes(result.body()),
                    StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>(result.headers());
            if (result.body() != null) {
                headers.put("Content-Type", "application/json");
            }
            List<String> errors = SpecValidator.get().validateResponse(ex.method, ex.path, result.status(), headers,
                    text);
            if (!errors.isEmpty()) {
                ResponseViolation v = new ResponseViolation(ex.at, ex.operationId, ex.method, ex.path,
                        result.status(), errors, text);
                violations.add(v);
                LOG.error("emulator response violates the OpenAPI document: {}", v);
                send(ex, 500, Json.error("emulator_response_invalid", "The emulator's " + result.status()
                        + " response to " + ex.operationId + " does not match the OpenAPI document: "
                        + String.join("; ", errors), null), Map.of());
                return;
            }
        }
        send(ex, result.status(), result.body(), result.headers());
    }

    private static Result errorResult(ApiException e) {
        return new Result(e.status(), Json.error(e.code(), e.getMessage(), e.hint()), e.headers());
    }

    private Principal authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("unauthorized", "Missing Authorization header.")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"prisma\"");
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7) || h.substring(7).trim().isEmpty()
                || h.substring(7).trim().contains(" ")) {
            throw ApiException.unauthorized("unauthorized",
                            "Malformed Authorization header: expected \"Bearer <token>\".")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"prisma\", error=\"invalid_request\"");
        }
        String token = h.substring(7).trim();
        ServiceToken st = store.serviceTokenByValue(token);
        if (st != null) {
            if (st.expiresAt != null && !store.now().isBefore(st.expiresAt)) {
                throw invalidToken("The service token has expired.");
            }
            if (!store.workspaces.containsKey(st.workspaceId)) {
                throw invalidToken("The service token's workspace no longer exists.");
            }
            return new Principal(Principal.SERVICE_TOKEN, st.workspaceId, st.id, st.name, null, null);
        }
        Optional<OAuthPrincipal> grant = oauth.verifyAccessToken(token);
        if (grant.isPresent()) {
            OAuthPrincipal g = grant.get();
            if (!store.workspaces.containsKey(g.workspaceId())) {
                throw invalidToken("The access token is bound to an unknown workspace.");
            }
            String clientName = oauth.activeGrant(g.grantId()).map(OAuthBackend.Grant::clientName)
                    .orElse(g.clientId());
            return new Principal(Principal.OAUTH, g.workspaceId(), g.grantId(), clientName, g.userId(),
                    g.clientId());
        }
        throw invalidToken("The token is invalid, expired or revoked.");
    }

    private static ApiException invalidToken(String message) {
        return ApiException.unauthorized("unauthorized", message)
                .withHeader("WWW-Authenticate", "Bearer realm=\"prisma\", error=\"invalid_token\"");
    }

    private static JsonNode parseBody(String text) {
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "The request body is not valid JSON.", null, true);
        }
        if (node == null || node.isNull()) {
            return Json.object();
        }
        if (!node.isObject()) {
            throw new ApiException(400, "validation_error", "The request body must be a JSON object.", null, true);
        }
        return node;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] buf = in.readNBytes(MAX_BODY_BYTES + 1);
        if (buf.length > MAX_BODY_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return buf;
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static Map<String, List<String>> requestHeaders(HttpExchange http) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void sendFault(Exchange ex, FaultRule fault) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(fault.headers());
        if (fault.retryAfterValue() != null) {
            long ms = fault.retryAfterValue().toMillis();
            headers.put("Retry-After", Long.toString(Math.max(0, (ms + 999) / 1000)));
        }
        if (fault.body() != null) {
            sendRaw(ex, fault.status(), fault.body().getBytes(StandardCharsets.UTF_8), headers);
        } else {
            send(ex, fault.status(), Json.error(faultCode(fault.status()), "Injected fault: HTTP "
                    + fault.status() + ".", null), headers);
        }
    }

    private static String faultCode(int status) {
        switch (status) {
            case 429: return "rate_limited";
            case 500: return "internal_server_error";
            case 502: return "bad_gateway";
            case 503: return "service_unavailable";
            case 504: return "gateway_timeout";
            default: return "error_" + status;
        }
    }

    private void sendError(Exchange ex, ApiException e) throws IOException {
        send(ex, e.status(), Json.error(e.code(), e.getMessage(), e.hint()), e.headers());
    }

    private void send(Exchange ex, int status, JsonNode body, Map<String, String> headers) throws IOException {
        sendRaw(ex, status, body == null ? null : Json.bytes(body), headers);
    }

    private void sendRaw(Exchange ex, int status, byte[] bytes, Map<String, String> headers) throws IOException {
        Headers h = ex.http.getResponseHeaders();
        headers.forEach(h::set);
        h.set("x-request-id", ex.requestId);
        stats.status(status);
        record(ex, status);
        if (bytes == null || status == 204 || status == 304) {
            ex.http.sendResponseHeaders(status, -1);
            ex.http.close();
            return;
        }
        h.set("Content-Type", "application/json");
        ex.http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.http.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Closes the connection without a response: the exchange is closed before any header is sent. */
    private void drop(Exchange ex) {
        record(ex, -1);
        ex.http.close();
    }

    private void record(Exchange ex, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.http.getRequestHeaders().forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (name.equals("authorization")) {
                List<String> redacted = new ArrayList<>();
                for (String value : v) {
                    redacted.add(value.length() > 4 ? "…" + value.substring(value.length() - 4) : "…");
                }
                headers.put(name, redacted);
            } else {
                headers.put(name, List.copyOf(v));
            }
        });
        Principal p = ex.principal;
        journal.addLast(new RecordedRequest(ex.at, ex.requestId, ex.method, ex.path, ex.rawQuery, ex.operationId,
                headers, ex.body, status, p == null ? null : p.type(), p == null ? null : p.workspaceId(),
                ex.fault == null ? null : ex.fault.matcher()));
        if (journalSize.incrementAndGet() > JOURNAL_SIZE && journal.pollFirst() != null) {
            journalSize.decrementAndGet();
        }
    }

}
