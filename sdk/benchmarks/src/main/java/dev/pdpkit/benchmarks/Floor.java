package dev.pdpkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor the SDK is measured against: the same request with raw OkHttp, configured as the SDK configures its own
 * client, and a Jackson tree read of the fields the SDK's model exposes. Any SDK cost above this is overhead.
 */
public final class Floor implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final OkHttpClient http;
    private final HttpUrl base;

    private Floor(OkHttpClient http, String baseUrl) {
        this.http = http;
        this.base = HttpUrl.get(baseUrl);
    }

    /**
     * @param baseUrl the canned server's base URL
     * @return a floor client with the OkHttp settings of the SDK's default transport (timeouts, pool size, no OkHttp
     *         retries or redirects)
     */
    public static Floor connect(String baseUrl) {
        return new Floor(sdkLike(new OkHttpClient.Builder()).build(), baseUrl);
    }

    /**
     * @param builder an OkHttp builder
     * @return the builder with the settings the SDK puts on the client it derives from its backend
     */
    public static OkHttpClient.Builder sdkLike(OkHttpClient.Builder builder) {
        return builder.retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false)
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .connectionPool(new ConnectionPool(OkHttpTransport.DEFAULT_MAX_IDLE_CONNECTIONS,
                        OkHttpTransport.DEFAULT_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** @return a copy of this floor whose calls are dispatched on {@code http}'s dispatcher (for async runs) */
    Floor with(OkHttpClient other) {
        return new Floor(other, base.toString());
    }

    /** @return the OkHttp client, so that the async form can share its settings */
    OkHttpClient http() {
        return http;
    }

    /**
     * Fetches the project and reads its fields.
     *
     * @return a value folded from the fields, so that no read is dead code
     * @throws UncheckedIOException if the call fails
     */
    public long get() {
        try (Response response = http.newCall(request()).execute()) {
            return read(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the same call through OkHttp's asynchronous {@code enqueue} */
    public CompletableFuture<Long> getAsync() {
        CompletableFuture<Long> result = new CompletableFuture<>();
        http.newCall(request()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    result.complete(read(response));
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }

    private Request request() {
        HttpUrl url = base.newBuilder().addPathSegments("v1/projects").addPathSegment(CannedServer.PROJECT_ID).build();
        return new Request.Builder().url(url)
                .header("User-Agent", "pdpkit-benchmarks-floor")
                .header("Authorization", "Bearer " + Sdk.TOKEN)
                .header("Accept", "application/json")
                .build();
    }

    private static long read(Response response) throws IOException {
        if (!response.isSuccessful()) {
            throw new IOException("HTTP " + response.code());
        }
        JsonNode data = MAPPER.readTree(response.body().byteStream()).get("data");
        JsonNode workspace = data.get("workspace");
        return Fold.of(data.get("id").asText(), data.get("type").asText(), data.get("url").asText(),
                data.get("name").asText(), data.get("logicalId").isNull() ? null : data.get("logicalId").asText(),
                data.get("createdAt").asText(), data.get("defaultRegion").asText(), workspace.get("id").asText(),
                workspace.get("url").asText(), workspace.get("name").asText());
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
