package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

    private static RecordedRequest request(int i, String body) {
        return new RecordedRequest(Instant.EPOCH, "req_" + i, "POST", "/v1/projects", null, "postV1Projects",
                Map.of("content-type", List.of("application/json")), RequestJournal.keptBody(body), 400, null, null,
                null);
    }

    @Test
    void theJournalIsBoundedInBytesAndKeepsTheNewest() {
        RequestJournal journal = new RequestJournal();
        String big = "x".repeat(1024 * 1024);
        for (int i = 0; i < 500; i++) {
            journal.add(request(i, big));
        }
        List<RecordedRequest> kept = journal.list();
        long chars = kept.stream().mapToLong(r -> r.body().length()).sum();
        assertThat(chars * 2).isLessThanOrEqualTo(RequestJournal.MAX_BYTES);
        assertThat(kept).isNotEmpty().allSatisfy(r -> assertThat(r.body()).endsWith("characters]"));
        assertThat(kept.get(kept.size() - 1).requestId()).isEqualTo("req_499");

        for (int i = 0; i < 1500; i++) {
            journal.add(request(i, "{}"));
        }
        assertThat(journal.list()).hasSize(RequestJournal.MAX_ENTRIES);
    }

    @Test
    void bodiesOfRequestsThatFailAuthenticationAreNeitherReadNorKept() throws IOException {
        try (PrismaEmulator emu = PrismaEmulator.start()) {
            RawHttp raw = new RawHttp(emu.port(), 5000);
            byte[] body = new byte[1024 * 1024];
            java.util.Arrays.fill(body, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                ByteArrayOutputStream req = new ByteArrayOutputStream();
                req.writeBytes(RawHttp.ascii("POST /v1/projects HTTP/1.1\r\nAuthorization: Bearer wrong-" + i
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"));
                req.writeBytes(body);
                assertThat(raw.send(req.toByteArray()).status()).isEqualTo(401);
            }
            assertThat(emu.requests()).hasSize(50).allSatisfy(r -> {
                assertThat(r.body()).isEmpty();
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.credentialType()).isNull();
            });
            Http.Resp ok = new Http(emu.baseUrl()).post("/v1/projects", emu.partnerServiceToken(),
                    Map.of("name", "still-fine"));
            assertThat(ok.status()).isEqualTo(201);
        }
    }
}
