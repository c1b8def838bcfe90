package dev.pdpkit.client.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.errors.InternalServerException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.hardening.MatrixCase.Outcome;
import dev.pdpkit.client.model.ProjectCreateParams;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport and retry cases of issue 9, one test each. */
class TransportDriftTest extends LoopbackTest {

    @Test
    void retryAfterHugeNumberIsTyped() {
        answer(Replies.error(503, "Retry-After: 99999999999999999999999"));

        Throwable thrown = catchThrowable(() -> client.projects().get("proj_1"));

        assertThat(thrown).isInstanceOf(PrismaException.class);
    }

    @Test
    void negativeContentLengthIsTyped() {
        answer(Replies.verbatim(200, utf8(BaseBodies.text(BaseBodies.data(BaseBodies.get("project")))),
                Replies.JSON, "Content-Length: -5"));

        Throwable thrown = catchThrowable(() -> client.projects().get("proj_1"));

        assertThat(thrown).isInstanceOf(PrismaException.class);
    }

    @Test
    void okHttpDoesNotFollow503RetryAfterZero() {
        answer(Replies.error(503, "Retry-After: 0"),
                Replies.json(201, BaseBodies.text(BaseBodies.data(BaseBodies.get("createdProject")))));

        Throwable thrown = catchThrowable(() -> client.projects().create(ProjectCreateParams.builder().name("shop")
                .build(), RequestOptions.builder().maxRetries(0).build()));

        assertThat(thrown).isInstanceOf(InternalServerException.class);
        assertThat(server.count("POST")).as("creates the server received").isEqualTo(1);
    }

    @ParameterizedTest(name = "id \"{0}\" is refused before any request")
    @ValueSource(strings = {"", ".", ".."})
    void emptyDotAndDotDotIdsAreRefused(String id) {
        answerJson("{}");

        assertThat(catchThrowable(() -> client.projects().get(id))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> client.projects().delete(id))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> client.databases().get(id))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> client.connections().rotate(id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> client.workspaces().serviceTokens().delete("wksp_1", id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void createOnAStalePooledConnectionIsRetried() throws Exception {
        assertRecovered(new MatrixCase(FaultKind.STALE_POOLED_CONNECTION, MatrixOp.CREATE, false).run(server));
    }

    @Test
    void deleteWhoseAnswerWasLostCountsAsDeleted() throws Exception {
        assertRecovered(new MatrixCase(FaultKind.CLOSE_AFTER_READ, MatrixOp.DELETE, false).run(server));
    }

    @Test
    void aStalledAttemptLeavesRoomForARetryWithinTheBudget() throws Exception {
        assertRecovered(new MatrixCase(FaultKind.STALL, MatrixOp.GET, false).run(server));
    }

    @Test
    void rateLimitedPlainCreateIsRetried() throws Exception {
        assertRecovered(new MatrixCase(FaultKind.STATUS_429_RETRY_AFTER_SECONDS, MatrixOp.CREATE, false).run(server));
    }

    @ParameterizedTest(name = "a plain create answered {0} is not re-sent")
    @ValueSource(strings = {"STATUS_500", "STATUS_502", "STATUS_503_RETRY_AFTER_SECONDS", "CLOSE_AFTER_READ"})
    void plainCreateThatMayHaveBeenActedOnIsNotResent(String fault) throws Exception {
        Outcome o = new MatrixCase(FaultKind.valueOf(fault), MatrixOp.CREATE, false).run(server);

        assertThat(o.error()).isInstanceOf(PrismaException.class);
        assertThat(o.posts()).as("creates the server read").isEqualTo(1);
    }

    @Test
    void getAnswered599IsRetried() throws Exception {
        assertRecovered(new MatrixCase(FaultKind.STATUS_599, MatrixOp.GET, false).run(server));
    }

    @ParameterizedTest(name = "GET answered {0} is tried once and not retryable")
    @ValueSource(ints = {501, 505})
    void getAnswered501Or505IsTriedOnce(int status) {
        answer(Replies.error(status));

        Throwable thrown = catchThrowable(() -> client.projects().get("proj_1"));

        assertThat(thrown).isInstanceOf(PrismaApiException.class);
        assertThat(((PrismaApiException) thrown).isRetryable()).isFalse();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void isRetryableAgreesWithTheRetryTable() {
        for (int status = 400; status <= 599; status++) {
            PrismaApiException e = PrismaApiException.create(status, null, null, null, HttpHeaders.empty(), null,
                    null);
            assertThat(e.isRetryable()).as("isRetryable() for %d", status)
                    .isEqualTo(RetryTable.statusRetryable(status));
        }
    }

    @Test
    void interruptedCallKeepsTheInterruptFlag() throws Exception {
        answer(Replies.error(503, "Retry-After: 2"));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flag = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                client.projects().get("proj_1", RequestOptions.builder().timeout(Duration.ofSeconds(5)).build());
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        for (int i = 0; i < 500 && server.requests().isEmpty(); i++) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // now waiting out the Retry-After
        caller.interrupt();
        caller.join(5_000);

        assertThat(thrown.get()).isInstanceOf(PrismaException.class);
        assertThat(flag.get()).as("interrupt flag after the call").isTrue();
    }

    private static void assertRecovered(Outcome o) {
        assertThat(o.error()).as("the call's failure").isNull();
        assertThat(o.created()).isLessThanOrEqualTo(1);
    }
}
