package dev.pdpkit.emulator;

import dev.pdpkit.fixtures.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** With a clock the test controls, time-dependent behaviour needs no sleeping. */
class ClockTest extends EmulatorTestBase {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));


    @Override
    PrismaEmulator.Builder configure(PrismaEmulator.Builder b) {
        return b.clock(clock).provisioningDelay(Duration.ofMinutes(2)).accessTokenLifetime(Duration.ofHours(1));
    }

    @Test
    void provisioningFollowsTheClock() {
        JsonNode p = createProject(partner, "name", "clocked");
        assertThat(p.path("createdAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
        String dbId = p.path("database").path("id").asText();
        assertThat(http.get("/v1/databases/" + dbId, partner).data().path("status").asText())
                .isEqualTo("provisioning");
        clock.advance(Duration.ofMinutes(2));
        assertThat(http.get("/v1/databases/" + dbId, partner).data().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void expiredAccessTokensAre401() {
        String token = emu.issueAccessToken(emu.userWorkspace().id());
        assertThat(http.get("/v1/me", token).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        Http.Resp r = http.get("/v1/me", token);
        assertError(r, 401);
        assertThat(r.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void serviceTokensWithAnExpiryExpire() {
        String token = emu.createServiceToken(emu.partnerWorkspace().id(), "ten minutes", Duration.ofMinutes(10));
        assertThat(http.get("/v1/me", token).status()).isEqualTo(200);
        JsonNode listed = http.get("/v1/workspaces/" + emu.partnerWorkspace().id() + "/service-tokens", partner)
                .data().get(0);
        assertThat(listed.path("expiresAt").asText()).isEqualTo(iso(clock.instant().plus(Duration.ofMinutes(10))));
        clock.advance(Duration.ofMinutes(10));
        assertError(http.get("/v1/me", token), 401);
    }

    private static String iso(Instant i) {
        return dev.pdpkit.emulator.api.Json.time(i);
    }
}
