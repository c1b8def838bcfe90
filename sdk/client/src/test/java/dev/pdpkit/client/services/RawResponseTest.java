package dev.pdpkit.client.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.core.RawResponse;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code withRawResponse()}: status, headers and the parsed body. */
class RawResponseTest extends WireMockApiTest {

    @Test
    void getReturnsStatusHeadersAndBody() {
        wm.stubFor(mapping("GET", "/v1/projects/proj_1", 200, Fixtures.data(Fixtures.project("proj_1")))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-request-id", REQUEST_ID)
                        .withHeader("X-RateLimit-Remaining", "99")
                        .withBody(Fixtures.data(Fixtures.project("proj_1")))));
        RawResponse<Project> raw = client.projects().withRawResponse().get("proj_1");
        onlyRequest("GET", "/v1/projects/proj_1");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.requestId()).contains(REQUEST_ID);
        assertThat(raw.headers().first("x-request-id")).contains(REQUEST_ID);
        assertThat(raw.headers().first("X-REQUEST-ID")).as("case-insensitive").contains(REQUEST_ID);
        assertThat(raw.headers().all("x-ratelimit-remaining")).isEqualTo(List.of("99"));
        assertThat(raw.body().id()).isEqualTo("proj_1");
        assertThat(raw.body().workspace().name()).isEqualTo("Acme");
    }

    @Test
    void createKeepsTheCreatedStatus() {
        stub("POST", "/v1/connections", 201, Fixtures.data(Fixtures.connectionWithSecrets("con_1", "db_1")));
        RawResponse<ConnectionWithSecrets> raw = client.connections().withRawResponse().create(
                dev.pdpkit.client.model.ConnectionCreateParams.builder().databaseId("db_1").name("app").build());
        onlyJsonRequest("POST", "/v1/connections", "{\"databaseId\":\"db_1\",\"name\":\"app\"}");
        assertThat(raw.statusCode()).isEqualTo(201);
        assertThat(raw.body().id()).isEqualTo("con_1");
        assertThat(raw.toString()).doesNotContain(Fixtures.DB_PASSWORD);
    }

    @Test
    void deleteHasNoBody() {
        stub("DELETE", "/v1/projects/proj_1", 204, null);
        RawResponse<Void> raw = client.projects().withRawResponse().delete("proj_1");
        onlyRequest("DELETE", "/v1/projects/proj_1");
        assertThat(raw.statusCode()).isEqualTo(204);
        assertThat(raw.body()).isNull();
        assertThat(raw.requestId()).contains(REQUEST_ID);
    }

    @Test
    void listGivesThePage() {
        stub("GET", "/v1/workspaces/wksp_1/service-tokens", 200, Fixtures.page("c2", true,
                Fixtures.serviceToken("st_1")));
        RawResponse<Page<dev.pdpkit.client.model.ServiceToken>> raw = client.workspaces().withRawResponse()
                .serviceTokens().list("wksp_1");
        onlyRequest("GET", "/v1/workspaces/wksp_1/service-tokens");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body().data()).hasSize(1);
        assertThat(raw.body().nextCursor()).contains("c2");
    }
}
