package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.internal.http.ErrorBodies;
import dev.pdpkit.client.internal.http.HttpExchange;
import dev.pdpkit.client.internal.json.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The last stage: one HTTP exchange over OkHttp. The body is read fully and the response always closed. */
public final class OkHttpStage implements Stage {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final Map<String, String> defaultHeaders;
    private final Clock clock;

    /**
     * @param http a client with retries and redirects turned off
     * @param baseUrl the API base, without {@code /v1}
     * @param defaultHeaders headers sent with every request (User-Agent, custom headers)
     * @param clock for {@code Retry-After} dates
     */
    public OkHttpStage(OkHttpClient http, HttpUrl baseUrl, Map<String, String> defaultHeaders, Clock clock) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.clock = clock;
    }

    @Override
    public HttpExchange send(Attempt attempt) {
        ApiRequest req = attempt.request();
        Request.Builder rb = new Request.Builder().url(url(req));
        defaultHeaders.forEach(rb::header);
        attempt.options().headers().forEach(rb::header);
        attempt.headers().forEach(rb::header);
        rb.header("Accept", "application/json");
        RequestBody body = null;
        if (req.body() != null) {
            body = RequestBody.create(Json.write(req.body()), JSON);
        } else if ("POST".equals(req.method()) || "PUT".equals(req.method()) || "PATCH".equals(req.method())) {
            body = RequestBody.create(new byte[0], null);
        }
        rb.method(req.method(), body);

        Call call = http.newCall(rb.build());
        long remaining = attempt.remaining().toNanos();
        if (remaining <= 0) {
            throw new PrismaTimeoutException("the call's time budget ran out before " + req.operationId()
                    + " could be sent", null, false);
        }
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            String text = response.body() == null ? null : response.body().string();
            HttpHeaders headers = HttpHeaders.of(response.headers().toMultimap());
            int status = response.code();
            if (status >= 200 && status < 300) {
                return new HttpExchange(status, headers, text == null || text.isEmpty() ? null : text);
            }
            throw ErrorBodies.toException(status, headers, text, clock);
        } catch (IOException e) {
            throw networkFailure(req, e);
        }
    }

    private HttpUrl url(ApiRequest req) {
        HttpUrl.Builder ub = HttpUrl.get(baseUrl + req.resolvedPath().substring(1)).newBuilder();
        for (Map.Entry<String, List<String>> q : req.query().entrySet()) {
            for (String v : q.getValue()) {
                ub.addQueryParameter(q.getKey(), v);
            }
        }
        return ub.build();
    }

    private static PrismaNetworkException networkFailure(ApiRequest req, IOException e) {
        // Messages of I/O exceptions name hosts and ports, never request content, so they are safe to keep.
        String what = req.operationId() + " (" + req.method() + " " + req.pathTemplate() + ")";
        boolean notSent = e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException
                && "timeout".equals(e.getMessage()))) {
            return new PrismaTimeoutException("timed out during " + what, e, !isConnectTimeout(e));
        }
        return new PrismaNetworkException("network failure during " + what + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e, !notSent);
    }

    private static boolean isConnectTimeout(IOException e) {
        return e.getMessage() != null && e.getMessage().startsWith("connect timed out")
                || e.getCause() instanceof ConnectException;
    }
}
