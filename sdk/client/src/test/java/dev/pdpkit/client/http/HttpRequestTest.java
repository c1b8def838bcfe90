package dev.pdpkit.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a transport may say about an attempt in a failure message, and what it must not. */
class HttpRequestTest {
    private static String named(String method, String url) {
        return HttpRequest.of(method, url, Map.of(), null, Duration.ofSeconds(1)).methodAndPath();
    }

    @Test
    void aFailureNamesTheMethodAndPathButNeitherHostNorQuery() {
        assertThat(named("GET", "https://api.prisma.io/v1/projects?cursor=c_secretish&limit=5"))
                .isEqualTo("GET /v1/projects");
        assertThat(named("DELETE", "http://127.0.0.1:8080/v1/databases/db_1")).isEqualTo("DELETE /v1/databases/db_1");
    }

    @Test
    void aUrlWithoutAPathIsTheRoot() {
        assertThat(named("GET", "https://api.prisma.io")).isEqualTo("GET /");
        assertThat(named("GET", "https://api.prisma.io?x=1")).isEqualTo("GET /");
    }

    @Test
    void toStringNeverShowsHeadersOrBody() {
        HttpRequest r = HttpRequest.of("POST", "https://api.prisma.io/v1/projects",
                Map.of("Authorization", java.util.List.of("Bearer sk_live_token")),
                "{\"password\":\"pw\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ofSeconds(1));
        assertThat(r.toString()).doesNotContain("sk_live_token").doesNotContain("pw\"");
    }
}
