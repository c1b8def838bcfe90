package dev.pdpkit.client.testing;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.pipeline.Pipeline;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
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
        OkHttpClient http = Pipeline.derive(new OkHttpClient(), Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(5));
        return new ClientContext(Pipeline.create(http, HttpUrl.get(baseUrl + "/"),
                Map.of("User-Agent", "pdpkit-test"), credentials, policy, budget, time, time, true));
    }
}
