package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsTest extends EmulatorTestBase {

    @AfterEach
    void clearFaults() {
        emu.faults().clear();
    }

    @Test
    void respondsWithStatusAndRetryAfterForTheNextRequests() {
        FaultRule rule = emu.faults().nextRequests("/v1/projects", 2).respond(503)
                .retryAfter(Duration.ofSeconds(1));
        long before = emu.stats().projectsCreated();
        Http.Resp first = http.post("/v1/projects", partner, body("name", "x"));
        assertError(first, 503);
        assertThat(first.header("retry-after")).isEqualTo("1");
        assertThat(first.errorCode()).isEqualTo("service_unavailable");
        Http.Resp second = http.get("/v1/projects", partner);
        assertThat(second.status()).isEqualTo(503);
        // used up: the third request goes through
        assertThat(http.post("/v1/projects", partner, body("name", "x")).status()).isEqualTo(201);
        assertThat(emu.stats().projectsCreated()).isEqualTo(before + 1);
        assertThat(rule.applied()).isEqualTo(2);
        assertThat(rule.remaining()).isZero();
        assertThat(emu.faults().rules()).isEmpty();
        assertThat(emu.stats().faultsInjected()).isGreaterThanOrEqualTo(2);
        assertThat(emu.requests()).anyMatch(r -> r.status() == 503 && "/v1/projects".equals(r.fault()));
    }

    @Test
    void matchesByMethodTemplateAndOperationId() {
        String id = createProject(partner, "name", "t", "createDatabase", false).path("id").asText();
        emu.faults().nextRequest("GET /v1/projects/{id}").respond(500);
        assertThat(http.get("/v1/projects", partner).status()).isEqualTo(200);
        assertThat(http.patch("/v1/projects/" + id, partner, body("name", "u")).status()).isEqualTo(200);
        assertThat(http.get("/v1/projects/" + id, partner).status()).isEqualTo(500);
        assertThat(http.get("/v1/projects/" + id, partner).status()).isEqualTo(200);

        emu.faults().nextRequest("getV1DatabasesByDatabaseIdUsage").respond(503).retryAfter(Duration.ofSeconds(30));
        assertThat(http.get("/v1/projects/" + id, partner).status()).isEqualTo(200);
        Http.Resp usage = http.get("/v1/databases/db_x/usage", partner);
        assertThat(usage.status()).isEqualTo(503);
        assertThat(usage.header("retry-after")).isEqualTo("30");

        emu.faults().nextRequest("POST /v1/projects").respond(429, "{\"error\":{\"code\":\"slow_down\","
                + "\"message\":\"custom\"}}").header("X-Custom", "yes");
        Http.Resp custom = http.post("/v1/projects", partner, body());
        assertThat(custom.status()).isEqualTo(429);
        assertThat(custom.errorCode()).isEqualTo("slow_down");
        assertThat(custom.header("x-custom")).isEqualTo("yes");
    }

    @Test
    void delaysThenServesNormally() {
        emu.faults().nextRequest("/v1/regions").delay(Duration.ofMillis(300));
        long start = System.nanoTime();
        Http.Resp r = http.get("/v1/regions/postgres", partner);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(200);
        assertThat(tookMs).isGreaterThanOrEqualTo(290);

        emu.faults().nextRequest("/v1/regions").delay(Duration.ofMillis(100)).respond(502);
        assertThat(http.get("/v1/regions", partner).status()).isEqualTo(502);
    }

    @Test
    void dropsTheConnectionWithoutAnswering() {
        long before = emu.stats().projectsCreated();
        emu.faults().nextRequest("POST /v1/projects").dropConnection();
        assertThatThrownBy(() -> http.post("/v1/projects", partner, body("name", "lost")))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(emu.stats().projectsCreated()).isEqualTo(before);
        assertThat(emu.requests()).anyMatch(r -> r.status() == -1 && "postV1Projects".equals(r.operationId()));
        // the server keeps serving
        assertThat(http.get("/v1/me", partner).status()).isEqualTo(200);
    }

    @Test
    void dropsTheResponseAfterTheChangeHappened() {
        long before = emu.stats().projectsCreated();
        emu.faults().nextRequest("POST /v1/projects").dropResponse();
        assertThatThrownBy(() -> http.post("/v1/projects", partner, body("name", "orphan", "logicalId", "orphan")))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(emu.stats().projectsCreated()).isEqualTo(before + 1);
        // the retry of the lost create finds the logicalId taken
        assertError(http.post("/v1/projects", partner, body("name", "orphan", "logicalId", "orphan")), 409);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        emu.faults().rateLimit("GET /v1/regions", 3, Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/v1/regions", partner).status()).isEqualTo(200);
        }
        Http.Resp limited = http.get("/v1/regions", partner);
        assertError(limited, 429);
        assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 30);
        assertThat(http.get("/v1/me", partner).status()).isEqualTo(200);
        emu.faults().noRateLimit();
        assertThat(http.get("/v1/regions", partner).status()).isEqualTo(200);
    }

    @Test
    void allRequestsUntilCleared() {
        FaultRule rule = emu.faults().allRequests("/v1/me").respond(500);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/v1/me", partner).status()).isEqualTo(500);
        }
        assertThat(rule.applied()).isEqualTo(3);
        emu.faults().remove(rule);
        assertThat(http.get("/v1/me", partner).status()).isEqualTo(200);
    }

    @Test
    void countsRequestsPerOperation() {
        long before = emu.stats().requests("getV1RegionsAccelerate");
        http.get("/v1/regions/accelerate", partner);
        http.get("/v1/regions/accelerate", null);
        assertThat(emu.stats().requests("getV1RegionsAccelerate")).isEqualTo(before + 2);
        assertThat(emu.stats().responses(401)).isPositive();
        assertThat(emu.stats().requestsByOperation()).containsKey("getV1RegionsAccelerate");
    }
}
