package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.api.InMemoryOAuth;
import dev.pdpkit.emulator.api.OAuthBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationTest extends EmulatorTestBase {

    @Test
    void bodiesThatDoNotMatchTheSchemaAreRejectedWithTheDocumentedShape() {
        Http.Resp r = http.post("/v1/projects", partner, body("name", 5, "createDatabase", "yes"));
        assertError(r, 400);
        assertThat(r.errorCode()).isEqualTo("validation_error");
        assertThat(r.json().path("error").path("message").asText()).contains("/name").contains("/createDatabase");

        assertError(http.post("/v1/projects", partner, body("region", "mars-north-1")), 400);
        assertError(http.post("/v1/projects", partner, "{not json"), 400);
        assertError(http.post("/v1/projects", partner, "[1,2]"), 400);
        // 422 where the operation declares 422 and not 400
        assertError(http.post("/v1/workspaces/" + emu.partnerWorkspace().id() + "/service-tokens", partner,
                body("name", 7)), 422);
        assertError(http.patch("/v1/projects/proj_x", partner, body("settings", "not an object")), 422);
        assertError(http.post("/v1/databases", partner, body("name", "no project")), 400);
        assertError(http.post("/v1/databases", partner, body("projectId", "p", "source", Map.of("type", "nope"))),
                400);
        assertThat(emu.stats().count(dev.pdpkit.emulator.api.ApiStats.INVALID_REQUESTS)).isGreaterThan(5);
    }

    @Test
    void queryParametersAreChecked() {
        assertError(http.get("/v1/projects?limit=abc", partner), 400);
        assertError(http.get("/v1/projects?limit=0", partner), 400);
        assertError(http.get("/v1/projects?limit=1.5", partner), 400);
        Http.Resp cursor = http.get("/v1/projects?cursor=garbage", partner);
        assertError(cursor, 400);
        assertThat(cursor.errorCode()).isEqualTo("invalid_cursor");
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"name\":\"" + "x".repeat(ApiHttpHandler.MAX_BODY_BYTES) + "\"}";
        Http.Resp r = http.post("/v1/projects", partner, big);
        assertError(r, 413);
    }

    @Test
    void aResponseThatViolatesTheSpecBecomesA500AndIsRecorded() {
        InMemoryOAuth oauth = new InMemoryOAuth(Clock.systemUTC());
        oauth.addUser(new OAuthBackend.User("user_bad", "not-an-e-mail", "Bad Data"));
        try (PrismaEmulator broken = PrismaEmulator.builder().oauthBackend(oauth).start()) {
            String token = oauth.issue(broken.partnerWorkspace().id(), "user_bad", "c", Set.of("workspace:admin"),
                    Duration.ofMinutes(5));
            Http.Resp r = new Http(broken.baseUrl()).get("/v1/me", token);
            assertError(r, 500);
            assertThat(r.errorCode()).isEqualTo("emulator_response_invalid");
            assertThat(broken.responseViolations()).singleElement().satisfies(v -> {
                assertThat(v.operationId()).isEqualTo("getV1Me");
                assertThat(v.status()).isEqualTo(200);
                assertThat(v.errors()).anyMatch(e -> e.contains("email"));
            });
            broken.clearResponseViolations();
            assertThat(broken.responseViolations()).isEmpty();
        }
    }

    @Test
    void withValidationOffTheHandlersStillRejectWrongTypes() {
        try (PrismaEmulator lax = PrismaEmulator.builder().validateRequests(false).validateResponses(false)
                .start()) {
            Http h = new Http(lax.baseUrl());
            assertError(h.post("/v1/projects", lax.partnerServiceToken(), body("name", 5)), 400);
            assertThat(h.post("/v1/projects", lax.partnerServiceToken(), body("name", "ok")).status()).isEqualTo(201);
        }
    }
}
