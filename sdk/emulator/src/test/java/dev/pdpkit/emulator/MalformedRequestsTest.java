package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.MalformedRequests.Case;
import dev.pdpkit.emulator.RawHttp.Answer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded bad requests over raw sockets. Every one must be answered (no hang), never with a 5xx, every
 * error in the documented shape; afterwards the heap is within a fixed bound and normal requests still work.
 *
 * <p>The seed and the count are fixed for CI ({@code emulator.fuzz.seed}, {@code emulator.fuzz.requests} in the
 * module's pom); run more with {@code -Demulator.fuzz.requests=20000} or another seed with
 * {@code -Demulator.fuzz.seed=N}.
 */
class MalformedRequestsTest {
    private static final long HEAP_BOUND_BYTES = 128L * 1024 * 1024;

    @Test
    void badRequestsNeverGetA5xxAHangOrAnUndocumentedErrorShape() throws IOException {
        long seed = Long.getLong("emulator.fuzz.seed", 20261201L);
        int count = Integer.getInteger("emulator.fuzz.requests", 2400);
        dev.pdpkit.emulator.api.SpecValidator.get();
        try (PrismaEmulator emu = PrismaEmulator.builder()
                .requestTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)).start()) {
            MalformedRequests generator = new MalformedRequests(seed, ids(emu));
            RawHttp raw = new RawHttp(emu.port(), 5000);
            Map<String, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Case c = generator.next();
                Answer a = raw.send(c.steps());
                statuses.merge(c.category() + " " + a.status(), 1, Integer::sum);
                String problem = problem(c, a);
                if (a.timedOut() && failures.isEmpty()) {
                    dumpEmulatorThreads();
                }
                if (problem != null && failures.size() < 20) {
                    failures.add("#" + i + " " + c.category() + " " + c.summary() + ": " + problem + " <- " + a
                            + " for " + preview(c));
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long heap = usedHeapAfterGc();
            System.out.printf("malformed requests: %d (seed %d) in %d ms; used heap after GC %d MiB;"
                    + " journal %d entries; answers by category and status %s%n", count, seed, ms,
                    heap / (1024 * 1024), emu.requests().size(), statuses);
            assertThat(failures).as("requests answered wrongly").isEmpty();
            assertThat(heap).as("used heap after the run").isLessThan(HEAP_BOUND_BYTES);
            assertThat(emu.requests()).allSatisfy(r -> assertThat(r.body() == null ? 0 : r.body().length())
                    .isLessThanOrEqualTo(RequestJournal.MAX_BODY_CHARS + 64));
            assertThat(emu.responseViolations()).isEmpty();
            stillServes(emu);
        }
    }

    /** @return what is wrong with the answer, or null */
    static String problem(Case c, Answer a) {
        if (a.timedOut()) {
            return "no answer within 5 s";
        }
        if (a.status() < 0) {
            return "connection closed without an answer";
        }
        if (a.status() >= 500) {
            return "server error";
        }
        if (a.status() < 400) {
            return null;
        }
        if (c.summary().startsWith("HEAD ")) {
            // an answer to HEAD has no body, only the headers of the error
            return String.valueOf(a.header("content-type")).startsWith("application/json") ? null
                    : "error is not JSON";
        }
        JsonNode json = a.json();
        if (json == null || !String.valueOf(a.header("content-type")).startsWith("application/json")) {
            return "error is not JSON";
        }
        JsonNode error = json.path("error");
        boolean documented = error.path("code").isTextual() && error.path("message").isTextual();
        // The authorization server's own endpoints answer in the OAuth shape of RFC 6749 {"error","error_description"}.
        boolean oauth = error.isTextual() && c.summary().matches("^\\S+ /(token|revoke|\\.well-known/).*");
        return documented || oauth ? null : "error is not in the documented shape";
    }

    /** On the first hang, shows what the emulator's threads are doing. */
    private static void dumpEmulatorThreads() {
        Thread.getAllStackTraces().forEach((t, st) -> {
            if (t.getName().startsWith("prisma-emulator")) {
                System.out.println("thread " + t.getName() + " " + t.getState() + " "
                        + java.util.Arrays.toString(java.util.Arrays.copyOf(st, Math.min(25, st.length))));
            }
        });
    }

    /** @return the start of the request, to reproduce a failure */
    private static String preview(Case c) {
        String text = new String(c.steps()[0].bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        int body = text.indexOf("\r\n\r\n");
        String shown = body < 0 ? text : text.substring(0, text.indexOf(' ') + 1) + "… " + text.substring(body + 4);
        return shown.length() > 300 ? shown.substring(0, 300) + "…" : shown;
    }

    private static MalformedRequests.Ids ids(PrismaEmulator emu) {
        Http http = new Http(emu.baseUrl());
        String token = emu.partnerServiceToken();
        JsonNode project = http.post("/v1/projects", token, Map.of("name", "fuzz-target", "createDatabase", true))
                .data();
        String databaseId = project.path("database").path("id").asText("db_missing");
        JsonNode connection = http.post("/v1/databases/" + databaseId + "/connections", token,
                Map.of("name", "fuzz")).data();
        return new MalformedRequests.Ids(token, emu.userServiceToken(), emu.partnerWorkspace().id(),
                project.path("id").asText(), databaseId, connection.path("id").asText("con_missing"));
    }

    private static void stillServes(PrismaEmulator emu) {
        Http http = new Http(emu.baseUrl());
        Http.Resp created = http.post("/v1/projects", emu.userServiceToken(), Map.of("name", "after-the-storm"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(http.get("/v1/projects", emu.userServiceToken()).text()).contains("after-the-storm");
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
