package dev.pdpkit.client.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Resolving against the kept origin must give exactly what a full parse gives, whatever the URL. */
class BaseUrlsTest {
    private final BaseUrls urls = new BaseUrls();

    @Test
    void urlsOfOneOriginMatchAFullParse() {
        String[] sameOrigin = {"http://127.0.0.1:8080/v1/projects", "http://127.0.0.1:8080/v1/projects/proj%20x",
                "http://127.0.0.1:8080/v1/projects?cursor=a%26b&limit=10", "http://127.0.0.1:8080/v1/a/../b",
                "http://127.0.0.1:8080/v1/projects/%2E%2E", "http://127.0.0.1:8080/v1/x#frag",
                "http://127.0.0.1:8080//evil.example/v1", "http://127.0.0.1:8080/\\evil.example/v1",
                "http://127.0.0.1:8080/v1\\projects", "http://127.0.0.1:8080/v1/caf\u00e9"};
        for (String url : sameOrigin) {
            assertEquals(HttpUrl.get(url), urls.parse(url), url);
            assertEquals(HttpUrl.get(url), urls.parse(url), url + " (second time, from the kept origin)");
        }
    }

    @Test
    void otherOriginsAndUnusualOriginsAreParsedInFull() {
        String[] urls = {"https://api.prisma.io/v1/projects", "https://API.Prisma.io/v1/projects",
                "https://api.prisma.io:443/v1/projects", "http://user:pw@localhost:9/v1/x", "http://[::1]:8080/v1/x",
                "http://localhost:8080/v1/x", "https://api.prisma.io/proxy/v1/projects?x=1"};
        for (String url : urls) {
            assertEquals(HttpUrl.get(url), this.urls.parse(url), url);
            assertEquals(HttpUrl.get(url), this.urls.parse(url), url + " (second time)");
        }
    }

    @Test
    void invalidUrlsFailAsAFullParseDoes() {
        urls.parse("http://127.0.0.1:8080/v1/projects");
        assertThrows(IllegalArgumentException.class, () -> urls.parse("ftp://127.0.0.1:8080/v1"));
        assertThrows(IllegalArgumentException.class, () -> urls.parse("not a url"));
    }
}
