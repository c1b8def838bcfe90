package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One emulator per test class, with request and response validation on; after the class, no response may have
 * violated the OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorTestBase {
    PrismaEmulator emu;
    Http http;
    String partner;
    String user;

    PrismaEmulator.Builder configure(PrismaEmulator.Builder b) {
        return b;
    }

    @BeforeAll
    void startEmulator() {
        // Load the OpenAPI document first, so timing-sensitive tests do not wait for it on their first request.
        dev.pdpkit.emulator.api.SpecValidator.get();
        emu = configure(PrismaEmulator.builder().validateRequests(true).validateResponses(true)).start();
        http = new Http(emu.baseUrl());
        partner = emu.partnerServiceToken();
        user = emu.userServiceToken();
    }

    @AfterAll
    void stopEmulator() {
        try {
            assertThat(emu.responseViolations()).as("responses that violate the OpenAPI document").isEmpty();
        } finally {
            emu.close();
        }
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Creates a project and returns the {@code data} of the answer. */
    JsonNode createProject(String token, Object... kv) {
        Http.Resp r = http.post("/v1/projects", token, body(kv));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data();
    }

    static void assertError(Http.Resp r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().path("error").path("code").isTextual()).as(r.toString()).isTrue();
        assertThat(r.json().path("error").path("message").isTextual()).as(r.toString()).isTrue();
        assertThat(r.header("content-type")).startsWith("application/json");
    }
}
