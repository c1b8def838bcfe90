package dev.pdpkit.client.services;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.EqualToJsonPattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pdpkit.client.PrismaManagement;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the per-operation WireMock tests: a client on a loopback WireMock, helpers to stub and to check the exact
 * request, and the spec-conformance gate: after every test, every request sent and every response served must
 * validate against the OpenAPI document (responses deliberately off-spec are marked by {@link #offSpec}).
 */
abstract class WireMockApiTest {
    static final String TOKEN = "svc-token-wiremock-SECRET-0123456789";
    static final String REQUEST_ID = "req_0123456789abcdef";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    PrismaManagement client;

    @BeforeEach
    void startClient() {
        client = PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken(TOKEN).build();
    }

    @AfterEach
    void conformsToSpec() {
        try {
            List<String> violations = SpecConformance.violations(wm.getAllServeEvents());
            assertThat(violations).as("requests and responses that break the OpenAPI document").isEmpty();
        } finally {
            client.close();
        }
    }

    /** Stubs {@code method path} (exact, percent-encoded path) with a JSON answer. */
    static void stub(String method, String rawPath, int status, String body) {
        wm.stubFor(mapping(method, rawPath, status, body));
    }

    static MappingBuilder mapping(String method, String rawPath, int status, String body) {
        var response = aResponse().withStatus(status).withHeader("x-request-id", REQUEST_ID);
        if (body != null) {
            response.withHeader("Content-Type", "application/json").withBody(body);
        }
        return request(method, urlPathEqualTo(rawPath)).willReturn(response);
    }

    /** Stubs a JSON answer that deliberately breaks the spec (excluded from the response check only). */
    static void stubOffSpec(String method, String rawPath, int status, String body) {
        wm.stubFor(mapping(method, rawPath, status, body)
                .withMetadata(Metadata.metadata().attr(SpecConformance.OFF_SPEC_RESPONSE, true)));
    }

    /** @return the requests WireMock received, oldest first */
    static List<LoggedRequest> requests() {
        List<ServeEvent> events = new ArrayList<>(wm.getAllServeEvents());
        Collections.reverse(events); // WireMock lists the newest first
        List<LoggedRequest> out = new ArrayList<>();
        events.forEach(e -> out.add(e.getRequest()));
        return out;
    }

    /**
     * Asserts that exactly one request was made, with this method and raw path, the standard headers, the given query
     * and no body; returns it.
     */
    static LoggedRequest onlyRequest(String method, String rawPath, Map<String, List<String>> query) {
        List<LoggedRequest> all = requests();
        assertThat(all).as("number of HTTP requests").hasSize(1);
        LoggedRequest r = all.get(0);
        assertRequest(r, method, rawPath, query);
        return r;
    }

    static void assertRequest(LoggedRequest r, String method, String rawPath, Map<String, List<String>> query) {
        URI uri = URI.create(r.getUrl());
        assertThat(r.getMethod().getName()).isEqualTo(method);
        assertThat(uri.getRawPath()).isEqualTo(rawPath);
        assertThat(SpecConformance.query(uri.getRawQuery())).as("query parameters").isEqualTo(query);
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.getHeader("User-Agent")).startsWith("pdpkit-java/");
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    }

    /** Asserts one request without a body. */
    static LoggedRequest onlyRequest(String method, String rawPath) {
        LoggedRequest r = onlyRequest(method, rawPath, Map.of());
        assertThat(r.getBodyAsString()).isEmpty();
        return r;
    }

    /** Asserts one JSON request whose body equals {@code json} exactly (no extra members, array order kept). */
    static LoggedRequest onlyJsonRequest(String method, String rawPath, String json) {
        LoggedRequest r = onlyRequest(method, rawPath, Map.of());
        assertJsonBody(r, json);
        return r;
    }

    static void assertJsonBody(LoggedRequest r, String json) {
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        assertThat(new EqualToJsonPattern(json, false, false).match(r.getBodyAsString()).isExactMatch())
                .as("request body %s equals %s", r.getBodyAsString(), json).isTrue();
    }

    /** @return an ordered query map from alternating names and values */
    static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return out;
    }
}
