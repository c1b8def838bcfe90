package dev.pdpkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.api.ApiException;
import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.api.Call;
import dev.pdpkit.emulator.api.Ids;
import dev.pdpkit.emulator.api.Json;
import dev.pdpkit.emulator.api.ManagementApi;
import dev.pdpkit.emulator.api.Principal;
import dev.pdpkit.emulator.api.Result;
import dev.pdpkit.emulator.api.Routes;
import dev.pdpkit.emulator.api.Store;
import dev.pdpkit.emulator.internal.http.HttpFailure;
import dev.pdpkit.emulator.internal.http.HttpHandler;
import dev.pdpkit.emulator.internal.http.HttpRequest;
import dev.pdpkit.emulator.internal.http.HttpResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /v1/...} in the service's order: faults, routing, authentication, then (only for an authenticated
 * caller) the body, its validation, the operation and the validation of the answer.
 */
final class ApiHttpHandler implements HttpHandler {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger REQUESTS = LoggerFactory.getLogger("dev.pdpkit.emulator.requests");

    private final Store store;
    private final Routes routes = new Routes();
    private final Map<String, ManagementApi.Handler> handlers;
    private final ApiAuthenticator authenticator;
    private final ApiStats stats;
    private final Faults faults;
    private final ApiValidation validation;
    private final RequestJournal journal = new RequestJournal();
    private final boolean logRequests;

    ApiHttpHandler(Store store, Map<String, ManagementApi.Handler> handlers, ApiAuthenticator authenticator,
                   ApiStats stats, Faults faults, ApiValidation validation, boolean logRequests) {
        this.store = store;
        this.handlers = handlers;
        this.authenticator = authenticator;
        this.stats = stats;
        this.faults = faults;
        this.validation = validation;
        this.logRequests = logRequests;
    }

    RequestJournal journal() {
        return journal;
    }

    /** Per-request bookkeeping. */
    private static final class Exchange {
        final HttpRequest request;
        final String requestId = "req_" + Ids.secret(20);
        final Instant at;
        String operationId;
        String body = "";
        Principal principal;
        FaultRule fault;

        Exchange(HttpRequest request, Instant at) {
            this.request = request;
            this.at = at;
        }
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Exchange ex = new Exchange(request, store.now());
        HttpResponse response;
        try {
            response = serve(ex);
        } catch (IOException e) {
            response = HttpResponse.drop();
        }
        if (response.isDrop()) {
            record(ex, -1);
            return response;
        }
        response.header("x-request-id", ex.requestId);
        stats.status(response.status());
        record(ex, response.status());
        if (logRequests) {
            // Control characters are escaped so a request cannot forge log lines.
            REQUESTS.info("{} {} -> {}", request.method(), printable(request.path()), response.status());
        }
        return response;
    }

    private HttpResponse serve(Exchange ex) throws IOException {
        HttpRequest req = ex.request;
        Optional<Routes.Match> match = routes.find(req.method(), req.path());
        ex.operationId = match.map(m -> m.route().operationId()).orElse(null);
        stats.request(ex.operationId);
        HttpResponse faulted = applyFaultsBefore(ex);
        if (faulted != null) {
            return faulted;
        }
        if (match.isEmpty()) {
            return notRouted(req);
        }
        try {
            ex.principal = authenticator.authenticate(req.header("Authorization"));
        } catch (ApiException e) {
            stats.event(e.status() == 401 ? ApiStats.UNAUTHORIZED : ApiStats.INVALID_REQUESTS);
            return ApiAnswers.error(e);
        }
        Map<String, List<String>> query = parseQuery(req.rawQuery());
        JsonNode body;
        try {
            ex.body = RequestBodies.text(req.header("Content-Type"), req.body(MAX_BODY_BYTES));
            body = RequestBodies.parse(ex.body);
            validation.checkRequest(ex.operationId, req, query, ex.body);
        } catch (HttpFailure f) {
            return ApiAnswers.failure(req.path(), f);
        } catch (ApiException e) {
            stats.event(ApiStats.INVALID_REQUESTS);
            return ApiAnswers.error(e);
        }
        return operate(ex, match.get(), query, body);
    }

    /** @return the fault's answer, or null to serve the request normally */
    private HttpResponse applyFaultsBefore(Exchange ex) {
        String method = ex.request.method();
        String path = ex.request.path();
        FaultRule fault = faults.pick(method, path, ex.operationId);
        if (fault != null) {
            ex.fault = fault;
            stats.event(ApiStats.FAULTS_INJECTED);
            if (!fault.delay().isZero() && !sleep(fault.delay())) {
                return HttpResponse.drop();
            }
            if (fault.action() == FaultRule.Action.DROP_CONNECTION) {
                return HttpResponse.drop();
            }
            if (fault.action() == FaultRule.Action.RESPOND) {
                return ApiAnswers.fault(fault);
            }
        }
        Duration wait = faults.rateLimited(method, path, ex.operationId, System.nanoTime());
        if (wait != null) {
            stats.event(ApiStats.FAULTS_INJECTED);
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return ApiAnswers.json(429, Json.error("rate_limited", "Too many requests; retry in " + seconds + " s.",
                    null), Map.of("Retry-After", Long.toString(seconds)));
        }
        return null;
    }

    private HttpResponse notRouted(HttpRequest req) {
        List<String> allowed = routes.methodsFor(req.path());
        if (allowed.isEmpty()) {
            return ApiAnswers.error(404, "not_found", "No operation at " + req.path() + ".");
        }
        return ApiAnswers.error(405, "method_not_allowed", req.method() + " is not supported on " + req.path() + ".")
                .header("Allow", String.join(", ", allowed));
    }

    /** Runs the operation atomically, then checks its answer against the document. */
    private HttpResponse operate(Exchange ex, Routes.Match match, Map<String, List<String>> query, JsonNode body) {
        Call call = new Call(ex.operationId, ex.principal, match.pathParams(), query, body, store.now());
        Result result;
        boolean exempt = false;
        try {
            synchronized (store) {
                result = handlers.get(ex.operationId).handle(call);
            }
        } catch (ApiException e) {
            result = new Result(e.status(), Json.error(e.code(), e.getMessage(), e.hint()), e.headers());
            exempt = e.outsideContract();
        }
        if (ex.fault != null && ex.fault.action() == FaultRule.Action.DROP_RESPONSE) {
            return HttpResponse.drop();
        }
        if (!exempt) {
            ResponseViolation v = validation.checkResponse(ex.at, ex.operationId, ex.request.method(),
                    ex.request.path(), result);
            if (v != null) {
                return ApiAnswers.error(500, "emulator_response_invalid", "The emulator's " + result.status()
                        + " response to " + ex.operationId + " does not match the OpenAPI document: "
                        + String.join("; ", v.errors()));
            }
        }
        return ApiAnswers.json(result.status(), result.body(), result.headers());
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
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

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void record(Exchange ex, int status) {
        Principal p = ex.principal;
        HttpRequest r = ex.request;
        journal.add(new RecordedRequest(ex.at, ex.requestId, r.method(), r.path(), r.rawQuery(), ex.operationId,
                RequestJournal.redactedHeaders(r.headers()), RequestJournal.keptBody(ex.body), status,
                p == null ? null : p.type(), p == null ? null : p.workspaceId(),
                ex.fault == null ? null : ex.fault.matcher()));
    }
}
