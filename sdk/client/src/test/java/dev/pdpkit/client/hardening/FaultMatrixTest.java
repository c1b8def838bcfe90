package dev.pdpkit.client.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.errors.ConflictException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.hardening.FaultKind.Rule;
import dev.pdpkit.client.hardening.MatrixCase.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault matrix of issue 9: every {@link FaultKind} x every {@link MatrixOp} x (every attempt failing | only the
 * first failing), over {@link RawHttpServer}. Each call has a budget of {@link MatrixCase#BUDGET}; the client retries
 * up to 3 times with a 10 ms back-off and keeps its default connect/read timeouts (10 s / 30 s), so only the budget
 * can bound a stalled attempt.
 *
 * <p>Asserted for every cell, all violations reported together: the outcome is a value or a {@link PrismaException};
 * the call ends within its budget plus 100 ms; a plain create reaches the server at most once (unless it was answered
 * 429 or 408, which say it was not processed) and no call creates two projects; a create that returns was counted at
 * the server and returns the id the server created; a cell whose fault the contract allows to retry succeeds when
 * only the first attempt fails (a {@code logicalId} create whose first attempt was acted on may instead end with the
 * server's 409); a cell that may not be retried was sent once and fails with the fault; {@code isRetryable()} of an
 * API error agrees with the retry table (README, "Retries").
 *
 * <p>Cells run on {@code -Dpdpkit.faults.threads} workers (default 3), each with its own server.
 */
class FaultMatrixTest {
    private static final long SLACK_MILLIS = 100;

    @Test
    @Timeout(300) // a safety net for CI; each call's own bound is checked in check()
    void everyFaultAndOperationEndsTypedWithinBudgetAndNeverDuplicatesACreate() throws Exception {
        ConcurrentLinkedQueue<MatrixCase> cases = new ConcurrentLinkedQueue<>();
        for (FaultKind fault : FaultKind.values()) {
            for (MatrixOp op : MatrixOp.values()) {
                cases.add(new MatrixCase(fault, op, true));
                cases.add(new MatrixCase(fault, op, false));
            }
        }
        int total = cases.size();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> outcomes = Collections.synchronizedMap(new TreeMap<>());
        int threads = Integer.getInteger("pdpkit.faults.threads", 3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> work(cases, violations, outcomes)));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("fault matrix: " + total + " calls (" + FaultKind.values().length + " faults x "
                + MatrixOp.values().length + " operations x 2), outcomes " + outcomes + ", violations "
                + violations.size());
        assertThat(violations.size()).as("fault-matrix violations:\n" + String.join("\n", violations)).isZero();
    }

    private static Void work(ConcurrentLinkedQueue<MatrixCase> cases, List<String> violations,
                             Map<String, Integer> outcomes) throws Exception {
        try (RawHttpServer server = new RawHttpServer(null)) {
            for (MatrixCase c = cases.poll(); c != null; c = cases.poll()) {
                Outcome o = c.run(server);
                outcomes.merge(o.succeeded() ? "ok" : o.error().getClass().getSimpleName(), 1, Integer::sum);
                for (String v : check(c, o)) {
                    violations.add(c + ": " + v);
                }
            }
        }
        return null;
    }

    static List<String> check(MatrixCase c, Outcome o) {
        List<String> v = new ArrayList<>();
        if (!o.succeeded() && !(o.error() instanceof PrismaException)) {
            v.add("untyped " + o.error());
        }
        if (o.millis() > MatrixCase.BUDGET.toMillis() + SLACK_MILLIS) {
            v.add("took " + o.millis() + " ms, budget " + MatrixCase.BUDGET.toMillis() + " ms");
        }
        if (c.op() == MatrixOp.CREATE && c.fault().rule != Rule.NOT_PROCESSED && o.posts() > 1) {
            v.add("plain create reached the server " + o.posts() + " times");
        }
        if (o.created() > 1) {
            v.add(o.created() + " projects created by one call");
        }
        if (o.succeeded() && c.op().creates() && (o.created() != 1 || !o.result().equals(o.lastCreatedId()))) {
            v.add("returned " + o.result() + " but the server created " + o.created() + " (" + o.lastCreatedId()
                    + ")");
        }
        v.addAll(expectation(c, o));
        return v;
    }

    private static List<String> expectation(MatrixCase c, Outcome o) {
        FaultKind f = c.fault();
        if (f.rule == Rule.TYPED_ONLY) {
            return List.of();
        }
        if (f.rule == Rule.BENIGN) {
            return o.succeeded() ? List.of() : List.of("a slow but complete answer failed: " + o.error());
        }
        if (!c.everyAttempt() && f.retryAllowed(c.op())) {
            boolean conflictAfterActedOn = c.op() == MatrixOp.CREATE_WITH_LOGICAL_ID && f.processes
                    && o.error() instanceof ConflictException;
            return o.succeeded() || conflictAfterActedOn ? List.of()
                    : List.of("not recovered although the contract allows a retry: " + o.error());
        }
        if (o.succeeded()) {
            return List.of("succeeded although every attempt failed or no retry is allowed");
        }
        List<String> v = new ArrayList<>();
        boolean neverRead = f == FaultKind.RESET_BEFORE_READ || f == FaultKind.CLOSE_BEFORE_READ;
        if (!f.retryAllowed(c.op()) && !f.atConnection() && o.requests() != (neverRead ? 0 : 1)) {
            v.add("a request that may not be retried was read " + o.requests() + " times");
        }
        v.addAll(errorMatchesFault(c, o.error()));
        return v;
    }

    private static List<String> errorMatchesFault(MatrixCase c, Throwable error) {
        FaultKind f = c.fault();
        if (f.status != 0) {
            boolean waitExceedsBudget = f.name().contains("RETRY_AFTER") && error instanceof PrismaTimeoutException;
            if (waitExceedsBudget) {
                return List.of();
            }
            if (!(error instanceof PrismaApiException) || ((PrismaApiException) error).statusCode() != f.status) {
                return List.of("expected the server's " + f.status + ", got " + error);
            }
            boolean retryable = ((PrismaApiException) error).isRetryable();
            return retryable == RetryTable.statusRetryable(f.status) ? List.of()
                    : List.of("isRetryable() is " + retryable + " for " + f.status);
        }
        if (!(error instanceof PrismaNetworkException)) {
            return List.of("expected a PrismaNetworkException, got " + error);
        }
        boolean sent = ((PrismaNetworkException) error).requestMayHaveBeenSent();
        if (c.op() == MatrixOp.CREATE && !c.everyAttempt() && !sent) {
            return List.of("a plain create that was not retried says requestMayHaveBeenSent=false");
        }
        return List.of();
    }
}
