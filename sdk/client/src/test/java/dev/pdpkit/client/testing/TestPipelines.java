package dev.pdpkit.client.testing;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.pipeline.Pipeline;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;

/** Builds the real request pipeline against a loopback server, with fake time. */
public final class TestPipelines {
    private TestPipelines() {
    }

    public static ClientContext context(String baseUrl, Credentials credentials, RetryPolicy policy, FakeTime time) {
        return context(baseUrl, credentials, policy, time, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    public static ClientContext context(String baseUrl, Credentials credentials, RetryPolicy policy, FakeTime time,
                                        Duration budget, Duration readTimeout) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(5)).build();
        Pipeline pipeline = Pipeline.create(new Pipeline.Settings()
                .transport(OkHttpTransport.owning(http), baseUrl)
                .headers(Map.of("User-Agent", "pdpkit-test"))
                .credentials(credentials)
                .retries(policy, null)
                .time(budget, time, time)
                .logBodies(true));
        return new ClientContext(pipeline.blocking(), pipeline.async());
    }
}
