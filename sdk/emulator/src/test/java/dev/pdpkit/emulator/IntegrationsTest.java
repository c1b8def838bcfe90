package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Integrations are the OAuth authorizations the authorization server issued for a workspace. */
class IntegrationsTest extends EmulatorTestBase {

    @Test
    void listGetAndRevoke() {
        String ws = emu.userWorkspace().id();
        String tokenA = emu.issueAccessToken(ws, PrismaEmulator.PUBLIC_CLIENT_ID);
        String tokenB = emu.issueAccessToken(ws, PrismaEmulator.PARTNER_CLIENT_ID);
        emu.issueAccessToken(emu.partnerWorkspace().id(), PrismaEmulator.PUBLIC_CLIENT_ID);

        Http.Resp list = http.get("/v1/workspaces/" + ws + "/integrations", user);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.data()).extracting(n -> n.path("client").path("id").asText())
                .containsExactly(PrismaEmulator.PUBLIC_CLIENT_ID, PrismaEmulator.PARTNER_CLIENT_ID);
        JsonNode a = list.data().get(0);
        assertThat(a.path("url").asText()).isEqualTo(emu.baseUrl() + "/v1/integrations/" + a.path("id").asText());
        assertThat(a.path("scopes").toString()).contains("workspace:admin");
        assertThat(a.path("createdByUser").path("email").asText()).contains("@");

        Http.Resp query = http.get("/v1/integrations?workspaceId=" + ws, user);
        assertThat(query.data()).hasSize(2);
        assertThat(http.get("/v1/integrations?workspaceId=" + ws, partner).data()).isEmpty();
        assertError(http.get("/v1/integrations", user), 400);
        assertError(http.get("/v1/workspaces/" + ws + "/integrations", partner), 404);

        String idA = a.path("id").asText();
        assertThat(http.get("/v1/integrations/" + idA, user).data().path("client").path("id").asText())
                .isEqualTo(PrismaEmulator.PUBLIC_CLIENT_ID);
        assertError(http.get("/v1/integrations/" + idA, partner), 404);
        assertThat(http.get("/v1/me", tokenA).status()).isEqualTo(200);

        assertThat(http.delete("/v1/integrations/" + idA, user).status()).isEqualTo(204);
        assertError(http.get("/v1/integrations/" + idA, user), 404);
        assertError(http.get("/v1/me", tokenA), 401);

        String partnerApp = "/v1/workspaces/" + ws + "/integrations/" + PrismaEmulator.PARTNER_CLIENT_ID;
        assertThat(http.delete(partnerApp, user).status()).isEqualTo(204);
        assertError(http.get("/v1/me", tokenB), 401);
        assertError(http.delete(partnerApp, user), 404);
        assertThat(http.get("/v1/workspaces/" + ws + "/integrations", user).data()).isEmpty();
    }
}
