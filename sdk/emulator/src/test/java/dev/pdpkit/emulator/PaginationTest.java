package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PaginationTest extends EmulatorTestBase {

    private List<String> walk(String path, String token, int limit, List<JsonNode> pages) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 1000; guard++) {
            String sep = path.contains("?") ? "&" : "?";
            String url = path + sep + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Http.Resp r = http.get(url, token);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            if (pages != null) {
                pages.add(r.json());
            }
            r.data().forEach(n -> seen.add(n.path("id").asText()));
            JsonNode p = r.json().path("pagination");
            assertThat(r.data().size()).isLessThanOrEqualTo(limit);
            if (!p.path("hasMore").asBoolean()) {
                assertThat(p.path("nextCursor").isNull()).isTrue();
                return seen;
            }
            cursor = p.path("nextCursor").asText();
            assertThat(cursor).isNotEmpty();
        }
        throw new AssertionError("pagination did not end");
    }

    @Test
    void pagesInCreationOrder() {
        String ws = emu.partnerWorkspace().id();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createProject(partner, "name", "page-" + i, "createDatabase", false).path("id").asText());
        }
        List<JsonNode> pages = new ArrayList<>();
        List<String> seen = walk("/v1/projects", partner, 3, pages);
        assertThat(seen).containsSubsequence(created);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(pages.get(0).path("pagination").path("hasMore").asBoolean()).isTrue();
        assertThat(emu.projectIds(ws)).containsExactlyElementsOf(seen);
    }

    @Test
    void stableWhileOthersInsertConcurrently() throws Exception {
        String token = emu.createServiceToken(emu.userWorkspace().id(), "pager", null);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            before.add(createProject(token, "name", "pre-" + i, "createDatabase", i % 4 == 0).path("id").asText());
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger inserted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            started.countDown();
            while (!stop.get() && inserted.get() < 200) {
                createProject(token, "name", "during-" + inserted.get(), "createDatabase", false);
                inserted.incrementAndGet();
            }
        });
        writer.start();
        started.await();
        List<String> seen;
        try {
            seen = walk("/v1/projects", token, 4, null);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(inserted.get()).isPositive();
        assertThat(seen).doesNotHaveDuplicates();
        // every item that existed for the whole walk was seen exactly once, in order
        assertThat(seen).containsSubsequence(before);
        Set<String> all = new HashSet<>(emu.projectIds(emu.userWorkspace().id()));
        assertThat(all).containsAll(seen);
    }

    @Test
    void deletionsDoNotShiftTheCursor() {
        String token = emu.createServiceToken(emu.partnerWorkspace().id(), "deleter", null);
        String projectId = createProject(token, "name", "many-dbs").path("id").asText();
        List<String> dbs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            dbs.add(http.post("/v1/databases", token, body("projectId", projectId, "name", "d" + i)).data()
                    .path("id").asText());
        }
        Http.Resp first = http.get("/v1/databases?projectId=" + projectId + "&limit=3", token);
        List<String> seen = new ArrayList<>();
        first.data().forEach(n -> seen.add(n.path("id").asText()));
        // delete an item already seen and one not yet seen
        assertThat(http.delete("/v1/databases/" + seen.get(1), token).status()).isEqualTo(204);
        assertThat(http.delete("/v1/databases/" + dbs.get(4), token).status()).isEqualTo(204);
        String cursor = first.json().path("pagination").path("nextCursor").asText();
        Http.Resp rest = http.get("/v1/databases?projectId=" + projectId + "&limit=10&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8), token);
        rest.data().forEach(n -> seen.add(n.path("id").asText()));
        assertThat(seen).doesNotHaveDuplicates().doesNotContain(dbs.get(4))
                .contains(dbs.get(2), dbs.get(3), dbs.get(5));
    }

    @Test
    void serviceTokensAreNewestFirst() {
        String ws = emu.userWorkspace().id();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(http.post("/v1/workspaces/" + ws + "/service-tokens", user, body("name", "t" + i)).data()
                    .path("id").asText());
        }
        List<String> seen = walk("/v1/workspaces/" + ws + "/service-tokens", user, 2, null);
        java.util.Collections.reverse(ids);
        assertThat(seen).containsSubsequence(ids).doesNotHaveDuplicates();
    }

    @Test
    void limitIsCappedAndDefaulted() {
        Http.Resp r = http.get("/v1/projects?limit=100000", partner);
        assertThat(r.status()).isEqualTo(200);
    }
}
