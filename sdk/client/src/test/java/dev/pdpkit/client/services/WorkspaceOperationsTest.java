package dev.pdpkit.client.services;

import static dev.pdpkit.client.services.Fixtures.CREATED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.model.CreatedServiceToken;
import dev.pdpkit.client.model.CredentialType;
import dev.pdpkit.client.model.Integration;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.model.ServiceToken;
import dev.pdpkit.client.model.Subscription;
import dev.pdpkit.client.model.Workspace;
import dev.pdpkit.client.model.WorkspaceIntegrationListParams;
import dev.pdpkit.client.model.WorkspaceListParams;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import dev.pdpkit.client.model.WorkspaceServiceTokenListParams;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** {@code me}, {@code workspaces}, {@code workspaces.serviceTokens} and {@code workspaces.integrations}: 9 operations. */
class WorkspaceOperationsTest extends WireMockApiTest {

    @Test
    void meGet() {
        stub("GET", "/v1/me", 200, Fixtures.data(Fixtures.me()));
        Me me = client.me().get();
        onlyRequest("GET", "/v1/me");
        assertThat(me.user()).hasValueSatisfying(u -> {
            assertThat(u.id()).isEqualTo("usr_1");
            assertThat(u.email()).isEqualTo("ada@example.com");
            assertThat(u.name()).contains("Ada");
        });
        assertThat(me.workspace().orElseThrow().name()).isEqualTo("Acme");
        assertThat(me.credential().type()).isEqualTo(CredentialType.SERVICE_TOKEN);
        assertThat(me.credential().id()).contains("st_1");
    }

    @Test
    void meGetWithNullUserAndUnknownCredentialType() {
        // An unknown credential type and unknown members decode; the enum value is off-spec by construction.
        stubOffSpec("GET", "/v1/me", 200, "{\"data\":{\"user\":null,\"workspace\":null,"
                + "\"credential\":{\"type\":\"robot_token\",\"id\":null,\"name\":null,\"scopes\":[\"a\"]}},"
                + "\"traceId\":\"t1\"}");
        Me me = client.me().get();
        assertThat(me.user()).isEmpty();
        assertThat(me.workspace()).isEmpty();
        assertThat(me.credential().type().isKnown()).isFalse();
        assertThat(me.credential().type().asString()).isEqualTo("robot_token");
        assertThat(me.credential().additionalProperties()).containsKey("scopes");
    }

    @Test
    void workspacesList() {
        stub("GET", "/v1/workspaces", 200, Fixtures.page("c2", true, Fixtures.workspace("wksp_1"),
                Fixtures.workspace("wksp_2")));
        Page<Workspace> page = client.workspaces().list(WorkspaceListParams.builder().cursor("c1").limit(2).build());
        onlyRequest("GET", "/v1/workspaces", query("cursor", "c1", "limit", "2"));
        assertThat(page.data()).extracting(Workspace::id).containsExactly("wksp_1", "wksp_2");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.nextCursor()).contains("c2");
        Workspace w = page.data().get(0);
        assertThat(w.type()).isEqualTo("workspace");
        assertThat(w.url()).isEqualTo("https://api.prisma.io/v1/workspaces/wksp_1");
        assertThat(w.createdAt()).isEqualTo(OffsetDateTime.parse(CREATED_AT));
    }

    @Test
    void workspacesGetEncodesThePathParameter() {
        stub("GET", "/v1/workspaces/wksp%2F1%20x", 200, Fixtures.data(Fixtures.workspace("wksp/1 x")));
        Workspace w = client.workspaces().get("wksp/1 x");
        onlyRequest("GET", "/v1/workspaces/wksp%2F1%20x");
        assertThat(w.id()).isEqualTo("wksp/1 x");
        assertThat(w.name()).isEqualTo("Acme");
    }

    @Test
    void workspacesGetSubscription() {
        stub("GET", "/v1/workspaces/wksp_1/subscription", 200, Fixtures.data(Fixtures.subscription()));
        Subscription s = client.workspaces().getSubscription("wksp_1");
        onlyRequest("GET", "/v1/workspaces/wksp_1/subscription");
        assertThat(s.planName()).isEqualTo("Pro");
        assertThat(s.usageBlocked()).isFalse();
        assertThat(s.upgradeUrl()).isEqualTo("https://console.prisma.io/upgrade");
    }

    @Test
    void serviceTokensList() {
        stub("GET", "/v1/workspaces/wksp_1/service-tokens", 200, Fixtures.page(null, false,
                Fixtures.serviceToken("st_1")));
        Page<ServiceToken> page = client.workspaces().serviceTokens().list(WorkspaceServiceTokenListParams.builder()
                .workspaceId("wksp_1").cursor("c1").limit(10).build());
        onlyRequest("GET", "/v1/workspaces/wksp_1/service-tokens", query("cursor", "c1", "limit", "10"));
        assertThat(page.hasMore()).isFalse();
        assertThat(page.hasNextPage()).isFalse();
        ServiceToken t = page.data().get(0);
        assertThat(t.id()).isEqualTo("st_1");
        assertThat(t.type()).isEqualTo("serviceToken");
        assertThat(t.valueHint()).isEqualTo("...44d1");
        assertThat(t.expiresAt()).isEmpty();
    }

    @Test
    void serviceTokensCreate() {
        stub("POST", "/v1/workspaces/wksp_1/service-tokens", 201,
                Fixtures.data(Fixtures.createdServiceToken("st_2")));
        CreatedServiceToken t = client.workspaces().serviceTokens().create(WorkspaceServiceTokenCreateParams.builder()
                .workspaceId("wksp_1").name("ci").build());
        onlyJsonRequest("POST", "/v1/workspaces/wksp_1/service-tokens", "{\"name\":\"ci\"}");
        assertThat(t.id()).isEqualTo("st_2");
        assertThat(t.value()).isEqualTo(Fixtures.SERVICE_TOKEN_VALUE);
        assertThat(t.expiresAt()).contains(OffsetDateTime.parse("2026-03-04T05:06:07Z"));
        assertThat(t.toString()).doesNotContain(Fixtures.SERVICE_TOKEN_VALUE);
    }

    @Test
    void serviceTokensDelete() {
        stub("DELETE", "/v1/workspaces/wksp_1/service-tokens/st%2F2", 204, null);
        client.workspaces().serviceTokens().delete("wksp_1", "st/2");
        onlyRequest("DELETE", "/v1/workspaces/wksp_1/service-tokens/st%2F2");
    }

    @Test
    void workspaceIntegrationsList() {
        stub("GET", "/v1/workspaces/wksp_1/integrations", 200, Fixtures.page("c9", true,
                Fixtures.integration("int_1")));
        Page<Integration> page = client.workspaces().integrations().list(WorkspaceIntegrationListParams.builder()
                .workspaceId("wksp_1").limit(1).build());
        onlyRequest("GET", "/v1/workspaces/wksp_1/integrations", query("limit", "1"));
        Integration i = page.data().get(0);
        assertThat(i.id()).isEqualTo("int_1");
        assertThat(i.scopes()).containsExactly("workspace:admin", "offline_access");
        assertThat(i.client().name()).isEqualTo("Vercel");
        assertThat(i.createdByUser().displayName()).isEmpty();
        assertThat(page.nextCursor()).contains("c9");
    }

    @Test
    void workspaceIntegrationsRevoke() {
        stub("DELETE", "/v1/workspaces/wksp_1/integrations/cli_1", 204, null);
        client.workspaces().integrations().revoke("wksp_1", "cli_1");
        onlyRequest("DELETE", "/v1/workspaces/wksp_1/integrations/cli_1");
    }
}
