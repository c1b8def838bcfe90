package dev.pdpkit.client.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.model.Bucket;
import dev.pdpkit.client.model.BucketCreateParams;
import dev.pdpkit.client.model.BucketKeyCreateParams;
import dev.pdpkit.client.model.BucketKeyRole;
import dev.pdpkit.client.model.ConnectionCreateParams;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectTransferParams;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import dev.pdpkit.client.testing.FakeTime;
import dev.pdpkit.emulator.PrismaEmulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs a realistic sequence through the emulator with DEBUG logging and {@code logBodies(true)}, captures every body
 * that really crossed the wire (an OkHttp interceptor below the SDK), and checks that no secret value sent or received
 * shows up in any log line, while method, path, status and attempt do.
 */
class LogMaskingTest {
    /** JSON members whose values are secrets (the spec's {@code x-secret} ones and the transfer token). */
    private static final Set<String> SECRET_KEYS = Set.of("connectionstring", "pass", "password", "value",
            "secretaccesskey", "recipientaccesstoken", "apikey", "token");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PrismaEmulator emulator;
    private ListAppender<ILoggingEvent> appender;
    private Logger logger;
    private Level previousLevel;
    private final List<String> wireBodies = new CopyOnWriteArrayList<>();
    private final List<String> bearerTokens = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        // SLF4J first: started alongside the emulator's threads, it could still be initialising and hand out a
        // substitute logger instead of logback's.
        logger = (Logger) LoggerFactory.getLogger("dev.pdpkit.client.http");
        emulator = PrismaEmulator.start();
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        emulator.close();
    }

    private PrismaManagement client(String token) {
        OkHttpClient wire = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            Request request = chain.request();
            String auth = request.header("Authorization");
            if (auth != null) {
                bearerTokens.add(auth.substring("Bearer ".length()));
            }
            if (request.body() != null) {
                Buffer buffer = new Buffer();
                request.body().writeTo(buffer);
                wireBodies.add(buffer.readUtf8());
            }
            Response response = chain.proceed(request);
            wireBodies.add(response.peekBody(Long.MAX_VALUE).string());
            return response;
        }).build();
        FakeTime time = new FakeTime();
        return PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(token)
                .transport(OkHttpTransport.of(wire)).logBodies(true).clock(time).sleeper(time).build();
    }

    @Test
    void noSecretSentOrReceivedAppearsInTheLog() throws IOException {
        PrismaManagement client = client(emulator.partnerServiceToken());
        String workspaceId = emulator.partnerWorkspace().id();

        CreatedProject project = client.projects().create(ProjectCreateParams.builder().name("logged").build());
        CreatedDatabase database = client.databases().create(DatabaseCreateParams.builder().projectId(project.id())
                .name("second").build());
        ConnectionWithSecrets connection = client.connections().create(ConnectionCreateParams.builder()
                .databaseId(database.id()).name("app").build());
        client.connections().rotate(connection.id());
        String newToken = client.workspaces().serviceTokens().create(WorkspaceServiceTokenCreateParams.builder()
                .workspaceId(workspaceId).name("ci").build()).value();
        Bucket bucket = client.buckets().create(BucketCreateParams.builder().projectId(project.id()).build());
        client.buckets().keys().create(BucketKeyCreateParams.builder().bucketId(bucket.id()).name("uploader")
                .role(BucketKeyRole.READ_WRITE).build());
        emulator.faults().nextRequest("GET /v1/projects").respond(503);
        client.projects().list();
        String recipientToken = emulator.issueAccessToken(emulator.userWorkspace().id());
        client.projects().transfer(ProjectTransferParams.builder().id(project.id())
                .recipientAccessToken(recipientToken).build());
        // the new service token works, and a bad one is refused: both calls are logged too
        assertThat(client(newToken).me().get()).isNotNull();
        try {
            client("not-a-valid-token-123456").me().get();
        } catch (UnauthorizedException expected) {
            // logged as a 401
        }

        Set<String> secrets = new TreeSet<>();
        for (String body : wireBodies) {
            collectSecrets(body, secrets);
        }
        secrets.addAll(bearerTokens);
        secrets.add(emulator.partnerServiceToken());
        secrets.add(recipientToken);
        secrets.add(newToken);
        secrets.removeIf(s -> s.length() < 8); // short values (e.g. "read") are not secrets worth matching
        assertThat(secrets).as("the sequence must have produced secrets to look for").hasSizeGreaterThan(8);
        assertThat(secrets).anySatisfy(s -> assertThat(s).startsWith("postgres"));

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            lines.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("log line leaks a secret").doesNotContain(secret);
            }
        }
        String all = String.join("\n", lines);
        assertThat(all)
                .contains("<-- 201 POST /v1/projects ")
                .contains("<-- 201 POST /v1/databases ")
                .contains("<-- 201 POST /v1/connections ")
                .contains("POST /v1/connections/{id}/rotate")
                .contains("POST /v1/workspaces/{workspaceId}/service-tokens")
                .contains("POST /v1/buckets/{bucketId}/keys")
                .contains("POST /v1/projects/{id}/transfer")
                .contains("<-- 503 GET /v1/projects ")
                .contains("<-- 200 GET /v1/projects ")
                .contains("<-- 401 GET /v1/me ")
                .contains("attempt=1")
                .contains("attempt=2")
                .contains("body=");
        assertThat(all).contains("***");
    }

    private static void collectSecrets(String body, Set<String> out) {
        if (body == null || body.isBlank()) {
            return;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException notJson) {
            return;
        }
        walk(root, out);
    }

    private static void walk(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (SECRET_KEYS.contains(e.getKey().toLowerCase(Locale.ROOT)) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    walk(e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, out));
        }
    }
}
