package dev.pdpkit.client.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.core.RawResponse;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaInvalidDataException;
import dev.pdpkit.client.model.ConnectionCreateParams;
import dev.pdpkit.client.model.DatabaseUsage;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Answers the client must refuse rather than read with a loss (duplicate keys, invalid UTF-8, broken or non-JSON
 * bodies, nesting beyond the bound), and the one it must read although its label is wrong (UTF-8 labelled latin-1).
 * A refusal is a {@link PrismaDecodeException} that carries the exact raw bytes and keeps them out of its message.
 */
class RefusalDriftTest extends LoopbackTest {

    @Test
    void duplicateConnectionStringKeyIsRejected() {
        String body = BaseBodies.text(BaseBodies.data(BaseBodies.get("connectionWithSecrets")))
                .replace("\"connectionString\":", "\"connectionString\":\"postgres://attacker-SECRET-9@evil/db\","
                        + "\"connectionString\":");
        answerBytes(utf8(body), Replies.JSON);

        Throwable thrown = catchThrowable(() -> client.connections().create(ConnectionCreateParams.builder()
                .databaseId("db_1").name("app").build()));

        assertRefused(thrown, utf8(body));
    }

    @Test
    void duplicateTokenValueKeyIsRejected() {
        ObjectNode token = BaseBodies.get("createdServiceToken");
        String body = BaseBodies.text(BaseBodies.data(token)).replace("}}", ",\"value\":\"other-SECRET-3\"}}");
        answerBytes(utf8(body), Replies.JSON);

        Throwable thrown = catchThrowable(() -> client.workspaces().serviceTokens().create(
                WorkspaceServiceTokenCreateParams.builder().workspaceId("wksp_1").name("ci").build()));

        assertRefused(thrown, utf8(body));
    }

    @Test
    void duplicateKeyDeepInsideAnUnknownMemberIsRejected() {
        String body = "{\"data\":" + BaseBodies.text(BaseBodies.get("project")).replaceFirst("\\{",
                "{\"x_meta\":{\"a\":[{\"k\":1,\"k\":2}]},");
        answerBytes(utf8(body), Replies.JSON);

        assertRefused(catchThrowable(() -> client.projects().get("proj_1")), utf8(body));
    }

    @ParameterizedTest(name = "invalid UTF-8 {0} in a string")
    @ValueSource(strings = {"C328", "C0AF", "E080AF", "EDA080", "EDBFBF", "FF", "80", "F4908080", "E282"})
    void invalidUtf8IsRejected(String hex) {
        byte[] body = withBytes("{\"data\":" + BaseBodies.text(BaseBodies.get("project")).replace("\"shop ",
                "\"sh@@op ") + "}", hex);
        answerBytes(body, Replies.JSON);

        assertRefused(catchThrowable(() -> client.projects().get("proj_1")), body);
    }

    @Test
    void utf8LabelledLatin1IsReadAsUtf8() {
        ObjectNode project = BaseBodies.get("project");
        answerBytes(utf8(BaseBodies.text(BaseBodies.data(project))),
                "Content-Type: application/json; charset=iso-8859-1");

        Project p = client.projects().get("proj_1");

        assertThat(p.name()).isEqualTo(project.get("name").textValue()).contains("Zürich ✓ 日本語 🚀");
        assertThat(p.workspace().name()).isEqualTo(project.at("/workspace/name").textValue());
    }

    @Test
    void nonJsonBodyIsTypedAndCarriesTheRawBytes() {
        byte[] body = utf8("<html><body>proxy error for postgres://u:pw-SECRET-4@db/x</body></html>");
        answerBytes(body, "Content-Type: text/html");

        assertRefused(catchThrowable(() -> client.projects().get("proj_1")), body);
    }

    @Test
    void truncatedJsonIsRejected() {
        String full = BaseBodies.text(BaseBodies.data(BaseBodies.get("project")));
        byte[] body = utf8(full.substring(0, full.length() / 2));
        answerBytes(body, Replies.JSON);

        assertRefused(catchThrowable(() -> client.projects().get("proj_1")), body);
    }

    @Test
    void trailingGarbageIsRejected() {
        byte[] body = utf8(BaseBodies.text(BaseBodies.data(BaseBodies.get("project"))) + "{\"data\":{}}");
        answerBytes(body, Replies.JSON);

        assertRefused(catchThrowable(() -> client.projects().get("proj_1")), body);
    }

    @Test
    void deeplyNestedUnknownMemberIsTyped() {
        int depth = 100_000;
        byte[] body = utf8("{\"x_deep\":" + "[".repeat(depth) + "]".repeat(depth) + ","
                + BaseBodies.text(BaseBodies.data(BaseBodies.get("project"))).substring(1));
        answerBytes(body, Replies.JSON);

        assertRefused(catchThrowable(() -> client.projects().get("proj_1")), body);
    }

    @Test
    void hugeNumbersAreTypedOrExact() {
        ObjectNode usage = BaseBodies.get("usage");
        String body = BaseBodies.text(usage).replace("12345", "1e400").replace("0.25", "9".repeat(400));
        answerBytes(utf8(body), Replies.JSON);

        DatabaseUsage u;
        try {
            u = client.databases().getUsage("db_1");
        } catch (PrismaDecodeException refusedByTheBound) {
            assertThat(refusedByTheBound.rawBody()).hasValueSatisfying(b -> assertThat(b).isEqualTo(utf8(body)));
            return;
        }
        Throwable ops = catchThrowable(() -> assertThat(u.metrics().operations().used())
                .isEqualByComparingTo(new java.math.BigDecimal("1e400")));
        assertThat(ops).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(PrismaInvalidDataException.class));
    }

    @Test
    void withRawResponseKeepsStatusHeadersAndBodyWhenTheBodyDoesNotDecode() {
        byte[] body = utf8("{\"data\":{\"id\":\"proj_1\",\"id\":\"proj_2\"}}");
        answer(Replies.bytes(200, body, Replies.JSON, "x-request-id: req_raw_1"));

        RawResponse<Project> raw = client.projects().withRawResponse().get("proj_1");

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.requestId()).contains("req_raw_1");
        assertThat(raw.rawBody()).isEqualTo(body);
        assertRefused(catchThrowable(raw::body), body);
    }

    static void assertRefused(Throwable thrown, byte[] body) {
        assertThat(thrown).isInstanceOf(PrismaDecodeException.class).isNotInstanceOf(PrismaInvalidDataException.class);
        PrismaDecodeException e = (PrismaDecodeException) thrown;
        assertThat(e.rawBody()).as("the raw body").hasValueSatisfying(b -> assertThat(b).isEqualTo(body));
        assertThat(String.valueOf(e.getMessage()) + e).doesNotContain("SECRET-").doesNotContain("<html>");
    }

    /** Replaces the first {@code @@} of {@code text} by the bytes written in {@code hex}. */
    static byte[] withBytes(String text, String hex) {
        int at = text.indexOf("@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < hex.length(); i += 2) {
            out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        out.writeBytes(text.substring(at + 2).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
