package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MeAndWorkspacesTest extends EmulatorTestBase {

    @Test
    void meReportsAServiceToken() {
        Http.Resp r = http.get("/v1/me", partner);
        assertThat(r.status()).isEqualTo(200);
        JsonNode me = r.data();
        assertThat(me.path("user").isNull()).isTrue();
        assertThat(me.path("workspace").path("id").asText()).isEqualTo(emu.partnerWorkspace().id());
        assertThat(me.path("workspace").path("name").asText()).isEqualTo("Partner Workspace");
        assertThat(me.path("credential").path("type").asText()).isEqualTo("service_token");
        assertThat(me.path("credential").path("id").asText()).isEqualTo(emu.partnerWorkspace().serviceTokenId());
    }

    @Test
    void meReportsAnOAuthToken() {
        String token = emu.issueAccessToken(emu.userWorkspace().id());
        JsonNode me = http.get("/v1/me", token).data();
        assertThat(me.path("credential").path("type").asText()).isEqualTo("oauth");
        assertThat(me.path("workspace").path("id").asText()).isEqualTo(emu.userWorkspace().id());
        assertThat(me.path("user").path("id").isTextual()).isTrue();
        assertThat(me.path("user").path("email").asText()).contains("@");
    }

    @Test
    void workspacesListOnlyTheCredentialsWorkspace() {
        Http.Resp r = http.get("/v1/workspaces", partner);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data()).hasSize(1);
        JsonNode w = r.data().get(0);
        assertThat(w.path("id").asText()).isEqualTo(emu.partnerWorkspace().id()).startsWith("wksp_");
        assertThat(w.path("type").asText()).isEqualTo("workspace");
        assertThat(w.path("url").asText()).isEqualTo(emu.baseUrl() + "/v1/workspaces/" + w.path("id").asText());
        assertThat(r.json().path("pagination").path("hasMore").asBoolean()).isFalse();
        assertThat(r.json().path("pagination").path("nextCursor").isNull()).isTrue();
    }

    @Test
    void workspaceAndSubscription() {
        String own = emu.partnerWorkspace().id();
        String other = emu.userWorkspace().id();
        assertThat(http.get("/v1/workspaces/" + own, partner).data().path("name").asText())
                .isEqualTo("Partner Workspace");
        assertError(http.get("/v1/workspaces/" + other, partner), 404);
        assertError(http.get("/v1/workspaces/wksp_nope", partner), 404);

        JsonNode sub = http.get("/v1/workspaces/" + own + "/subscription", partner).data();
        assertThat(sub.path("planName").asText()).isEqualTo("Pro");
        assertThat(sub.path("usageBlocked").asBoolean()).isFalse();
        assertThat(sub.path("upgradeUrl").asText()).startsWith("https://");
        assertThat(http.get("/v1/workspaces/" + other + "/subscription", user).data().path("planName").asText())
                .isEqualTo("Free");
        assertError(http.get("/v1/workspaces/" + other + "/subscription", partner), 404);
    }

    @Test
    void regions() {
        JsonNode all = http.get("/v1/regions", partner).data();
        assertThat(all).isNotEmpty();
        assertThat(all.findValuesAsText("product")).contains("postgres", "accelerate");
        Http.Resp pr = http.get("/v1/regions?product=postgres", partner);
        assertThat(pr.status()).as(pr.toString()).isEqualTo(200);
        JsonNode postgres = pr.data();
        assertThat(postgres.findValuesAsText("product")).containsOnly("postgres");
        JsonNode pg = http.get("/v1/regions/postgres", partner).data();
        assertThat(pg.findValuesAsText("id")).contains("us-east-1", "eu-central-1");
        assertThat(pg.findValuesAsText("status")).containsOnly("available");
        assertThat(http.get("/v1/regions/accelerate", partner).data()).isNotEmpty();
        assertError(http.get("/v1/regions?product=nonsense", partner), 400);
    }
}
