package dev.pdpkit.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.internal.codec.ProjectCodec;
import dev.pdpkit.client.internal.json.Codecs;
import dev.pdpkit.client.internal.json.Json;
import dev.pdpkit.client.internal.json.JsonStreams;
import dev.pdpkit.client.model.Project;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A list answer read without a tree must give the page the tree path gives, and leave every page the tree path refuses
 * (broken pagination) or judges (drift) to it.
 */
class PagesStreamingTest {
    private static final Function<String, Page<Project>> NO_FETCH = cursor -> {
        throw new AssertionError("no later page is fetched here");
    };
    private static final String PROJECT = project();
    private static final String[] PAGINATIONS = {
        "{\"nextCursor\":\"c1\",\"hasMore\":true}", "{\"hasMore\":false,\"nextCursor\":null}", "{\"hasMore\":false}",
        "{\"nextCursor\":\"\",\"hasMore\":true}", "{\"nextCursor\":null,\"hasMore\":true}", "{\"hasMore\":true}",
        "{\"nextCursor\":\"c1\"}", "{\"nextCursor\":7,\"hasMore\":true}", "{\"nextCursor\":\"c1\",\"hasMore\":\"true\"}",
        "{\"nextCursor\":\"c1\",\"hasMore\":true,\"total\":3}", "{\"hasMore\":false,\"hasMore\":true}", "null", "[]",
        "{\"nextCursor\":\"c1\",\"nextCursor\":\"c2\",\"hasMore\":true}"};
    private static final String[] DATA = {"[]", "[" + PROJECT + "]", "[" + PROJECT + "," + PROJECT + "]",
        "[" + PROJECT + ",null]", "[" + PROJECT.replace("\"name\"", "\"nom\"") + "]", "{}", "null"};

    @Test
    void documentedPagesTakeTheStreamingPathAndEqualTheTreesPage() {
        for (String body : List.of(page("[" + PROJECT + "]", PAGINATIONS[0]), page("[]", PAGINATIONS[1]),
                "{\"pagination\":" + PAGINATIONS[0] + ",\"data\":[" + PROJECT + "," + PROJECT + "]}")) {
            Page<Project> fast = streamed(body);
            assertNotNull(fast, body);
            assertSamePage(tree(body), fast, body);
        }
    }

    @Test
    void everyCombinationStreamsToTheTreesPageOrFallsBack() {
        int streamed = 0;
        for (String data : DATA) {
            for (String pagination : PAGINATIONS) {
                for (String body : List.of(page(data, pagination), "{\"pagination\":" + pagination + ",\"data\":"
                        + data + "}", page(data, pagination).replaceFirst("\\}$", ",\"extra\":1}"))) {
                    Page<Project> fast = streamed(body);
                    if (fast == null) {
                        continue;
                    }
                    streamed++;
                    assertSamePage(tree(body), fast, body);
                }
            }
        }
        assertTrue(streamed >= 8, "streamed " + streamed);
    }

    @Test
    void brokenPaginationIsNeverStreamed() {
        for (String body : List.of(page("[]", PAGINATIONS[0]), page("[" + PROJECT + "]", PAGINATIONS[3]),
                page("[" + PROJECT + "]", PAGINATIONS[4]), page("[" + PROJECT + "]", PAGINATIONS[5]),
                page("[" + PROJECT + "]", PAGINATIONS[6]), page("[" + PROJECT + "]", "null"),
                "{\"data\":[" + PROJECT + "]}", "{\"data\":[],\"data\":[],\"pagination\":" + PAGINATIONS[1] + "}")) {
            assertNull(streamed(body), body);
            try {
                tree(body);
                throw new AssertionError("the tree path accepted " + body);
            } catch (PrismaException expected) {
                // the tree path is the one that refuses, with its own message
            }
        }
    }

    @Test
    void seededTruncationsAndSplicesNeverStreamToAnotherPage() {
        Random random = new Random(20261201L);
        String base = page("[" + PROJECT + "," + PROJECT + "]", PAGINATIONS[0]);
        for (int i = 0; i < 2000; i++) {
            int at = random.nextInt(base.length());
            String body = random.nextBoolean() ? base.substring(0, at)
                    : base.substring(0, at) + base.substring(Math.min(base.length(), at + 1 + random.nextInt(8)));
            Page<Project> fast = streamed(body);
            if (fast != null) {
                assertSamePage(tree(body), fast, body);
            }
        }
    }

    private static void assertSamePage(Page<Project> tree, Page<Project> fast, String body) {
        assertEquals(tree.items(), fast.items(), body);
        assertEquals(tree.hasMore(), fast.hasMore(), body);
        assertEquals(tree.nextCursor(), fast.nextCursor(), body);
        assertEquals(tree.toString(), fast.toString(), body);
    }

    private static Page<Project> streamed(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Pages.streamed(JsonStreams.readPage(bytes, Codecs.listOf(ProjectCodec.INSTANCE)), NO_FETCH, null);
    }

    private static Page<Project> tree(String body) {
        JsonNode root = Json.parse(body.getBytes(StandardCharsets.UTF_8), 200);
        return Pages.read(root, 200, ProjectCodec.INSTANCE, NO_FETCH, null);
    }

    private static String page(String data, String pagination) {
        return "{\"data\":" + data + ",\"pagination\":" + pagination + "}";
    }

    private static String project() {
        try (InputStream in = PagesStreamingTest.class.getResourceAsStream(
                "/dev/pdpkit/client/hardening/base-bodies.json")) {
            ObjectMapper mapper = new ObjectMapper();
            return mapper.writeValueAsString(mapper.readTree(in).get("project"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
