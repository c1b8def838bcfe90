package dev.pdpkit.client.hardening;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.hardening.RawHttpServer.Responder;
import dev.pdpkit.client.hardening.RawHttpServer.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the named drift tests: a {@link RawHttpServer} and a client with fast retries pointed at it. */
abstract class LoopbackTest {
    static final String TOKEN = "drift-token-SECRET-2";

    RawHttpServer server;
    PrismaManagement client;

    @BeforeEach
    void start() throws IOException {
        server = new RawHttpServer(c -> Step.read(Replies.error(599)));
        client = PrismaManagement.builder().baseUrl(server.baseUrl()).serviceToken(TOKEN)
                .retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(50)).build())
                .timeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    /** Answers the requests in order with {@code responders}; later requests get the last one. */
    void answer(Responder... responders) {
        List<Responder> list = List.of(responders);
        AtomicInteger next = new AtomicInteger();
        server.script(c -> Step.read(list.get(Math.min(next.getAndIncrement(), list.size() - 1))));
    }

    /** Answers every request with 200 and {@code body}, as UTF-8, labelled {@code application/json}. */
    void answerJson(String body) {
        answer(Replies.json(200, body));
    }

    void answerBytes(byte[] body, String... headers) {
        answer(Replies.bytes(200, body, headers));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
