package dev.pdpkit.client.services;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pdpkit.emulator.api.SpecValidator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: checks the requests a client sent to WireMock, and the responses WireMock served, against the OpenAPI
 * document, with the emulator's {@link SpecValidator} (swagger-request-validator plus its nullable-$ref workaround).
 */
public final class SpecConformance {
    /** Stub metadata key marking a response body that deliberately leaves the spec (unknown enum value, bad type). */
    public static final String OFF_SPEC_RESPONSE = "offSpecResponse";

    private SpecConformance() {
    }

    /**
     * Validates every served exchange.
     *
     * @param events WireMock's serve events
     * @return one line per violation, empty when every exchange conforms
     */
    public static List<String> violations(List<ServeEvent> events) {
        SpecValidator validator = SpecValidator.get();
        List<String> out = new ArrayList<>();
        for (ServeEvent event : events) {
            LoggedRequest request = event.getRequest();
            String label = request.getMethod().getName() + " " + request.getUrl();
            if (!event.getWasMatched()) {
                out.add(label + ": no stub matched the request");
                continue;
            }
            for (String e : validateRequest(validator, request)) {
                out.add(label + " request: " + e);
            }
            boolean offSpec = event.getStubMapping().getMetadata() != null
                    && event.getStubMapping().getMetadata().getBoolean(OFF_SPEC_RESPONSE, false);
            if (!offSpec) {
                for (String e : validateResponse(validator, request, event.getResponse())) {
                    out.add(label + " response: " + e);
                }
            }
        }
        return out;
    }

    /**
     * Validates one request as WireMock recorded it.
     *
     * @param validator the spec validator
     * @param request the request
     * @return the violations
     */
    public static List<String> validateRequest(SpecValidator validator, LoggedRequest request) {
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            headers.put(h.key(), h.values());
        }
        return validator.validateRequest(request.getMethod().getName(), uri.getRawPath(), query(uri.getRawQuery()),
                headers, request.getBodyAsString());
    }

    /**
     * Validates one response as WireMock served it.
     *
     * @param validator the spec validator
     * @param request the request it answered
     * @param response the response
     * @return the violations
     */
    public static List<String> validateResponse(SpecValidator validator, LoggedRequest request,
                                                LoggedResponse response) {
        URI uri = URI.create(request.getUrl());
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            for (HttpHeader h : response.getHeaders().all()) {
                headers.put(h.key(), h.firstValue());
            }
        }
        String body = response.getBodyAsString();
        return validator.validateResponse(request.getMethod().getName(), uri.getRawPath(), response.getStatus(),
                headers, body == null || body.isEmpty() ? null : body);
    }

    /**
     * Decodes a raw query string.
     *
     * @param rawQuery the query, or null
     * @return the parameters in order
     */
    public static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
