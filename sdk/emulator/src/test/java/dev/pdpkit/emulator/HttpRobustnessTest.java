package dev.pdpkit.emulator;

import static dev.pdpkit.emulator.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.RawHttp.Answer;
import dev.pdpkit.emulator.RawHttp.Step;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the HTTP layer does with requests no well-behaved client sends: always a JSON answer, never a hang. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpRobustnessTest {
    private PrismaEmulator emu;
    private RawHttp raw;
    private String token;

    @BeforeAll
    void start() {
        emu = PrismaEmulator.builder().requestTimeouts(Duration.ofMillis(400), Duration.ofMillis(400)).start();
        raw = new RawHttp(emu.port(), 5000);
        token = emu.partnerServiceToken();
    }

    @AfterAll
    void stop() {
        assertThat(emu.responseViolations()).isEmpty();
        emu.close();
    }

    static void assertJsonError(Answer a, int status, String code) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.header("content-type")).as(a.toString()).startsWith("application/json");
        assertThat(a.json()).as(a.toString()).isNotNull();
        assertThat(a.json().path("error").path("code").asText()).as(a.toString()).isEqualTo(code);
        assertThat(a.json().path("error").path("message").isTextual()).as(a.toString()).isTrue();
    }

    private Answer get(String target) throws IOException {
        return raw.send(ascii("GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void unparseableRequestTargetsGetTheDocumentedJsonError() throws IOException {
        for (String target : new String[] {"/v1/%ZZ", "/v1/projects/%", "/v1/projects/%4", "*", "v1/projects",
            "/v1/projects/%C3%28", "/v1/projects?cursor=%FF"}) {
            assertJsonError(get(target), 400, "invalid_request_target");
        }
        byte[] nonAscii = "GET /v1/projects/é HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        assertJsonError(raw.send(nonAscii), 400, "invalid_request_target");
        assertJsonError(raw.send(ascii("GET /v1/projects HTTP/2.0\r\n\r\n")), 400, "unsupported_http_version");
        assertJsonError(raw.send(ascii("GET\r\n\r\n")), 400, "invalid_request_line");
        assertJsonError(raw.send(ascii("GET /v1/me HTTP/1.1\r\nBad Header: x\r\n\r\n")), 400, "invalid_header");
    }

    @Test
    void aNulInAnIdIsAnUnknownPathNotAServerError() throws IOException {
        assertJsonError(get("/v1/projects/%00"), 404, "not_found");
        assertJsonError(get("/v1/databases/%01/connections"), 404, "not_found");
    }

    @Test
    void bareLineFeedsAreAccepted() throws IOException {
        Answer a = raw.send(ascii("GET /v1/projects HTTP/1.1\nAuthorization: Bearer " + token
                + "\nConnection: close\n\n"));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
    }

    @Test
    void aSlowHeadOrBodyIsAnswered408() throws IOException {
        Answer head = raw.send(new Step(ascii("GET /v1/projects HTTP/1.1\r\nHost: x\r\n"), 1500));
        assertJsonError(head, 408, "request_timeout");
        Answer silent = raw.send(new Step(new byte[0], 1500));
        assertJsonError(silent, 408, "request_timeout");
        Answer body = raw.send(new Step(ascii("POST /v1/projects HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":"), 1500));
        assertJsonError(body, 408, "request_timeout");
    }

    @Test
    void aBadTokenIsRefusedBeforeAHugeDeclaredBodyIsRead() throws IOException {
        Answer a = raw.send(ascii("POST /v1/projects HTTP/1.1\r\nAuthorization: Bearer nope\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{\"name\":\"x"));
        assertJsonError(a, 401, "unauthorized");
        assertThat(a.header("connection")).isEqualTo("close");
        assertThat(emu.requests()).last().satisfies(r -> assertThat(r.body()).isEmpty());
    }

    @Test
    void aTooLargeDeclaredBodyIs413WithoutReadingIt() throws IOException {
        Answer a = raw.send(ascii("POST /v1/projects HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{"));
        assertJsonError(a, 413, "payload_too_large");
        Answer chunked = raw.send(ascii("POST /v1/projects HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + "1FFFFF\r\n" + "x".repeat(100)));
        assertJsonError(chunked, 413, "payload_too_large");
    }

    @Test
    void anOversizedHeadIs431() throws IOException {
        Answer a = raw.send(ascii("GET /v1/projects HTTP/1.1\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n"));
        assertJsonError(a, 431, "request_header_fields_too_large");
    }

    @Test
    void framingErrorsAre400() throws IOException {
        String auth = "Authorization: Bearer " + token + "\r\n";
        assertJsonError(raw.send(ascii("POST /v1/projects HTTP/1.1\r\n" + auth + "Content-Length: abc\r\n\r\n")),
                400, "invalid_content_length");
        assertJsonError(raw.send(ascii("POST /v1/projects HTTP/1.1\r\n" + auth
                + "Transfer-Encoding: gzip\r\n\r\n")), 400, "invalid_framing");
        assertJsonError(raw.send(ascii("POST /v1/projects HTTP/1.1\r\n" + auth
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n")), 400, "invalid_chunked_body");
    }

    @Test
    void oneConnectionServesChunkedBodiesAndSeveralRequests() throws IOException {
        try (Socket s = new Socket("127.0.0.1", emu.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            String body = "{\"name\":\"chunked\"}";
            out.write(ascii("POST /v1/projects HTTP/1.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n"));
            out.write(ascii("GET /v1/projects HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n\r\n"));
            out.flush();
            Answer created = RawHttp.read(s.getInputStream());
            Answer listed = RawHttp.read(s.getInputStream());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
            assertThat(listed.text()).contains("chunked");
        }
    }

    @Test
    void expectContinueIsHonoured() throws IOException {
        try (Socket s = new Socket("127.0.0.1", emu.port())) {
            s.setSoTimeout(5000);
            String body = "{\"name\":\"after-continue\"}";
            s.getOutputStream().write(ascii("POST /v1/projects HTTP/1.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                    + body.length() + "\r\n\r\n"));
            Answer interim = RawHttp.read(s.getInputStream());
            assertThat(interim.status()).isEqualTo(100);
            s.getOutputStream().write(ascii(body));
            assertThat(RawHttp.read(s.getInputStream()).status()).isEqualTo(201);
        }
    }

    @Test
    void authorizeWithoutClientIdIsAJsonErrorForNonBrowsers() throws IOException {
        assertJsonError(raw.send(ascii("GET /authorize HTTP/1.1\r\nHost: x\r\n\r\n")), 400, "invalid_request");
        Answer page = raw.send(ascii("GET /authorize HTTP/1.1\r\nAccept: text/html\r\n\r\n"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("content-type")).startsWith("text/html");
    }

    @Test
    void unknownPathsOutsideTheApiAreJson404() throws IOException {
        assertJsonError(get("/nothing/here"), 404, "not_found");
        assertJsonError(get("/"), 404, "not_found");
    }
}
