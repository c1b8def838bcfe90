package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.internal.http.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Assembles the fixed request pipeline: retry, then credentials, then logging, then HTTP. */
public final class Pipeline {
    private Pipeline() {
    }

    /**
     * @param http OkHttp client (its retries and redirects must already be off)
     * @param baseUrl API base ending in {@code /}
     * @param headers default headers (User-Agent, custom)
     * @param credentials the bearer token source
     * @param retryPolicy retry counts and back-off
     * @param timeout default time budget of a whole call
     * @param sleeper waits between attempts
     * @param clock measures budgets and {@code Retry-After} dates
     * @param logBodies whether DEBUG logging includes masked bodies
     * @return the transport
     */
    public static Transport create(OkHttpClient http, HttpUrl baseUrl, Map<String, String> headers,
                                   Credentials credentials, RetryPolicy retryPolicy, Duration timeout,
                                   Sleeper sleeper, Clock clock, boolean logBodies) {
        Stage httpStage = new OkHttpStage(http, baseUrl, headers, clock);
        Stage auth = new AuthStage(credentials, new LoggingStage(httpStage, logBodies));
        return new RetryStage(auth, retryPolicy, timeout, sleeper, clock);
    }

    /**
     * Derives the OkHttp client the SDK uses from the application's: same pools, but no OkHttp retries or redirects.
     *
     * @param base the application's or the SDK's own client
     * @param connect connect timeout per attempt
     * @param read read timeout per attempt
     * @param write write timeout per attempt
     * @return the derived client
     */
    public static OkHttpClient derive(OkHttpClient base, Duration connect, Duration read, Duration write) {
        return base.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connect)
                .readTimeout(read)
                .writeTimeout(write)
                .build();
    }
}
