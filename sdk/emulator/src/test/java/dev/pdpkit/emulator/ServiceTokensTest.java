package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ServiceTokensTest extends EmulatorTestBase {

    @Test
    void valueIsShownOnceAndAuthenticatesAsItsWorkspace() {
        String ws = emu.userWorkspace().id();
        Http.Resp created = http.post("/v1/workspaces/" + ws + "/service-tokens", user, body("name", "deploy"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode t = created.data();
        String value = t.path("value").asText();
        assertThat(t.path("type").asText()).isEqualTo("serviceToken");
        assertThat(t.path("expiresAt").isNull()).isTrue();
        assertThat(value).isNotEmpty();
        assertThat(t.path("valueHint").asText()).doesNotContain(value);

        // the new token sees its workspace, as the service token it is
        JsonNode me = http.get("/v1/me", value).data();
        assertThat(me.path("workspace").path("id").asText()).isEqualTo(ws);
        assertThat(me.path("credential").path("id").asText()).isEqualTo(t.path("id").asText());
        assertThat(me.path("credential").path("name").asText()).isEqualTo("deploy");

        // listed newest first, never with the value
        Http.Resp list = http.get("/v1/workspaces/" + ws + "/service-tokens", user);
        assertThat(list.data().get(0).path("id").asText()).isEqualTo(t.path("id").asText());
        assertThat(list.text()).doesNotContain(value);
        assertThat(list.data().get(0).has("value")).isFalse();

        assertThat(http.delete("/v1/workspaces/" + ws + "/service-tokens/" + t.path("id").asText(), user).status())
                .isEqualTo(204);
        assertError(http.delete("/v1/workspaces/" + ws + "/service-tokens/" + t.path("id").asText(), user), 404);
        assertError(http.get("/v1/me", value), 401);
    }

    @Test
    void createNeedsAName() {
        String ws = emu.userWorkspace().id();
        assertError(http.post("/v1/workspaces/" + ws + "/service-tokens", user, body()), 422);
        assertError(http.post("/v1/workspaces/" + ws + "/service-tokens", user, body("name", "")), 422);
        assertError(http.post("/v1/workspaces/wksp_missing/service-tokens", user, body("name", "x")), 404);
        assertThat(http.get("/v1/workspaces/wksp_missing/service-tokens", user).data()).isEmpty();
    }
}
