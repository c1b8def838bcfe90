package dev.pdpkit.benchmarks;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.http.HttpTransport;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.WorkspaceRef;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/** The SDK under measurement: {@code client.projects().get(id)} against the canned server, reading every field. */
public final class Sdk implements AutoCloseable {
    /** The service token sent by both the SDK and the floor. */
    static final String TOKEN = "bench-service-token";
    private final PrismaManagement client;

    private Sdk(PrismaManagement client) {
        this.client = client;
    }

    /**
     * @param baseUrl the canned server's base URL
     * @return an SDK client with its default settings, as an application would build it
     */
    public static Sdk connect(String baseUrl) {
        return new Sdk(PrismaManagement.builder().baseUrl(baseUrl).serviceToken(TOKEN).build());
    }

    /**
     * @param baseUrl the canned server's base URL
     * @param http the OkHttp client to send through (for the async form: one whose dispatcher has few threads)
     * @return an SDK client on that OkHttp client
     */
    public static Sdk connect(String baseUrl, OkHttpClient http) {
        return new Sdk(PrismaManagement.builder().baseUrl(baseUrl).serviceToken(TOKEN)
                .transport(OkHttpTransport.of(http)).build());
    }

    /**
     * @param baseUrl the canned server's base URL
     * @param transport the transport to send through (closed by its owner, not by {@link #close()})
     * @return an SDK client on that transport
     */
    public static Sdk connect(String baseUrl, HttpTransport transport) {
        return new Sdk(PrismaManagement.builder().baseUrl(baseUrl).serviceToken(TOKEN).transport(transport).build());
    }

    /** @return a value folded from the project's fields */
    public long get() {
        return read(client.projects().get(CannedServer.PROJECT_ID));
    }

    /**
     * @return the SDK's asynchronous get, or empty while the SDK has none (see {@link SdkAsync})
     */
    public Optional<Function<String, CompletableFuture<Long>>> asyncGet() {
        return SdkAsync.projectsGet(client).map(get -> id -> get.apply(id).thenApply(Sdk::read));
    }

    static long read(Project p) {
        WorkspaceRef w = p.workspace();
        return Fold.of(p.id(), p.type(), p.url(), p.name(), p.logicalId().orElse(null), p.createdAt(),
                p.defaultRegion().orElse(null), w.id(), w.url(), w.name());
    }

    @Override
    public void close() {
        client.close();
    }
}
