package dev.pdpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.Project;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness's own figures must be right before they are trusted: the canned server keeps connections alive and
 * counts each once, both clients read the canned project, and a run counts its calls and connections.
 * (The benchmarks themselves are not run by the build: the README's "Benchmarks" command runs them.)
 */
class HarnessTest {
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void serverAnswersManyRequestsOnOneKeptAliveConnectionAndCountsItOnce() throws Exception {
        long before = server.accepts();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(
                server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1)))) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write(("GET /v1/projects/" + CannedServer.PROJECT_ID + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String response = readResponse(in);
                assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").endsWith(CannedServer.PROJECT_JSON);
            }
        }
        assertThat(server.accepts() - before).isEqualTo(1);
    }

    @Test
    void sdkReadsTheCannedProject() {
        try (PrismaManagement client = PrismaManagement.builder().baseUrl(server.baseUrl()).serviceToken("t").build()) {
            Project p = client.projects().get(CannedServer.PROJECT_ID);

            assertThat(p.id()).isEqualTo(CannedServer.PROJECT_ID);
            assertThat(p.name()).isEqualTo("benchmark project");
            assertThat(p.logicalId()).isEmpty();
            assertThat(p.createdAt()).isEqualTo(OffsetDateTime.parse("2026-01-15T10:20:30.123Z"));
            assertThat(p.workspace().name()).isEqualTo("benchmark workspace");
        }
    }

    @Test
    void blockingRunCountsCallsConnectionsAndNoErrors() throws Exception {
        try (Harness harness = new Harness(server, 4); Floor floor = Floor.connect(server.baseUrl());
             Sdk sdk = Sdk.connect(server.baseUrl())) {
            Measurement f = harness.blocking(floor::get, 4, 200);
            Measurement s = harness.blocking(sdk::get, 4, 200);

            for (Measurement m : new Measurement[] {f, s}) {
                assertThat(m.calls()).isEqualTo(200);
                assertThat(m.errors()).isZero();
                // 4 callers never need more than 4 connections, and both pools keep them idle for reuse
                assertThat(m.connections()).isBetween(1L, 4L);
                assertThat(m.cpuNanos()).isPositive();
                assertThat(m.bytesPerCall()).isGreaterThan(1000);
            }
        }
    }

    @Test
    void asyncRunCompletesEveryCallAndCountsFailures() throws Exception {
        try (Harness harness = new Harness(server, 1); Floor floor = Floor.connect(server.baseUrl());
             Sdk sdk = Sdk.connect(server.baseUrl())) {
            Measurement floorRun = harness.async(id -> floor.getAsync(), 8, 100);
            Measurement sdkRun = harness.async(sdk.asyncGet().orElseThrow(), 8, 100);
            Measurement failing = harness.async(id -> CompletableFuture.failedFuture(
                    new IllegalStateException("boom")), 8, 10);

            assertThat(floorRun.calls()).isEqualTo(100);
            assertThat(floorRun.errors()).isZero();
            assertThat(sdkRun.calls()).isEqualTo(100);
            assertThat(sdkRun.errors()).isZero();
            assertThat(failing.errors()).isEqualTo(10);
        }
    }

    private static String readResponse(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        String headers = head.toString();
        int lengthAt = headers.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(headers.substring(lengthAt, headers.indexOf("\r\n", lengthAt)));
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
