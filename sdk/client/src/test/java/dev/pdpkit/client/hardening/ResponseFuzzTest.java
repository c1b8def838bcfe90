package dev.pdpkit.client.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.hardening.FuzzOracle.Verdict;
import dev.pdpkit.client.hardening.RawHttpServer.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seeded response fuzz of issue 9: mutated answers ({@link Mutations}, {@link ByteMutations},
 * {@link PageBreaks}) to every {@link FuzzOp}, served by {@link RawHttpServer}, judged by {@link FuzzOracle}: the
 * call returns or throws a {@code PrismaException}; every accessor of what it returns is touched and lets only
 * {@code PrismaException}s escape; nothing is silently altered; no case hangs (a watchdog of 10 s per case).
 *
 * <p>{@code -Dpdpkit.fuzz.cases=N} (default 2,000) and {@code -Dpdpkit.fuzz.seed=S} choose the run; the full run is
 * {@code mvn -B -pl sdk/client -am verify -Dtest=ResponseFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpdpkit.fuzz.cases=10000}. A violation names its case number; the same seed and count replay it.
 */
class ResponseFuzzTest {
    private static final int CASES = Integer.getInteger("pdpkit.fuzz.cases", 2_000);
    private static final long SEED = Long.getLong("pdpkit.fuzz.seed", 20_261_201L);
    private static final int SHOWN_PER_KIND = 4;

    @Test
    @Timeout(1_200) // a safety net for CI, long enough for the 10,000-case run; each case has its own watchdog
    void mutatedAnswersGiveModelsOrTypedErrorsAndNeverAlteredData() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        FuzzOp[] ops = FuzzOp.values();
        try (RawHttpServer server = new RawHttpServer(null); PrismaManagement client = PrismaManagement.builder()
                .baseUrl(server.baseUrl()).serviceToken("fuzz-token-SECRET-1").maxRetries(0)
                .timeout(Duration.ofSeconds(8)).build()) {
            for (int i = 0; i < CASES; i++) {
                FuzzCase c = Mutations.next(ops[i % ops.length], new Random(SEED * 1_000_003L + i));
                serve(server, c);
                Future<Verdict> f = runner.submit(() -> FuzzOracle.run(client, c));
                Verdict verdict;
                try {
                    verdict = f.get(10, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    server.dropConnections();
                    verdict = new Verdict("hang", List.of("no outcome within 10 s"));
                }
                outcomes.merge(verdict.outcome(), 1, Integer::sum);
                for (String v : verdict.violations()) {
                    kinds.merge(kind(v), 1, Integer::sum);
                    violations.add("#" + i + " " + c + ": " + v);
                }
            }
        } finally {
            runner.shutdownNow();
        }
        System.out.println("response fuzz: seed " + SEED + ", " + CASES + " cases over " + ops.length
                + " operations, outcomes " + outcomes + ", violations " + violations.size() + " " + kinds);
        assertThat(violations.size()).as(violations.size() + " fuzz violations by kind " + kinds
                + "; examples of each kind:\n" + String.join("\n", examples(violations))).isZero();
    }

    /** @return up to {@value #SHOWN_PER_KIND} violations of each kind */
    private static List<String> examples(List<String> violations) {
        Map<String, Integer> shown = new TreeMap<>();
        List<String> out = new ArrayList<>();
        for (String v : violations) {
            if (shown.merge(kind(v.substring(v.indexOf(": ") + 2)), 1, Integer::sum) <= SHOWN_PER_KIND) {
                out.add(v);
            }
        }
        return out;
    }

    private static String kind(String violation) {
        int threw = violation.indexOf(" threw ");
        if (threw >= 0) {
            return "accessor threw " + violation.substring(threw + 7).replaceAll("[: ].*", "");
        }
        return violation.replaceAll("[:(].*", "").trim();
    }

    /** Scripts the case's answers in order; any further request gets the valid base answer. */
    static void serve(RawHttpServer server, FuzzCase c) {
        AtomicInteger next = new AtomicInteger();
        RawHttpServer.Responder fallback = Replies.bytes(200, Mutations.bytes(c.op().body()), Replies.JSON);
        server.script(conn -> {
            int i = next.getAndIncrement();
            return Step.read(i < c.replies().size() ? c.replies().get(i).responder() : fallback);
        });
    }
}
