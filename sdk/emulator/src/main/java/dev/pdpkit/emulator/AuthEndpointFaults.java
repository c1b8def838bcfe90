package dev.pdpkit.emulator;

import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.internal.http.HttpHandler;
import dev.pdpkit.emulator.internal.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Puts the {@link Faults} script in front of the authorization server's endpoints ({@code /token},
 * {@code /authorize}, ...). Fault answers there use the OAuth error shape {@code {"error","error_description"}}.
 */
final class AuthEndpointFaults {
    private AuthEndpointFaults() {
    }

    static HttpHandler wrap(HttpHandler inner, Faults faults, ApiStats stats) {
        return request -> {
            FaultRule fault = faults.pick(request.method(), request.path(), null);
            if (fault != null) {
                stats.event(ApiStats.FAULTS_INJECTED);
                if (!fault.delay().isZero() && !sleep(fault.delay())) {
                    return HttpResponse.drop();
                }
                switch (fault.action()) {
                    case DROP_CONNECTION:
                        return HttpResponse.drop();
                    case RESPOND:
                        return respond(fault);
                    case DROP_RESPONSE:
                        inner.handle(request);
                        return HttpResponse.drop();
                    default:
                        break;
                }
            }
            Duration wait = faults.rateLimited(request.method(), request.path(), null, System.nanoTime());
            if (wait != null) {
                stats.event(ApiStats.FAULTS_INJECTED);
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                return json(429, "{\"error\":\"temporarily_unavailable\",\"error_description\":"
                        + "\"too many requests\"}").header("Retry-After", Long.toString(seconds));
            }
            return inner.handle(request);
        };
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse respond(FaultRule fault) {
        String body = fault.body() != null ? fault.body()
                : "{\"error\":\"" + (fault.status() >= 500 ? "temporarily_unavailable" : "invalid_request")
                        + "\",\"error_description\":\"injected fault: HTTP " + fault.status() + "\"}";
        HttpResponse r = HttpResponse.bytes(fault.status(), body.getBytes(StandardCharsets.UTF_8));
        fault.headers().forEach(r::header);
        if (fault.retryAfterValue() != null) {
            long ms = fault.retryAfterValue().toMillis();
            r.header("Retry-After", Long.toString(Math.max(0, (ms + 999) / 1000)));
        }
        return r.header("Content-Type", "application/json").header("Cache-Control", "no-store");
    }

    private static HttpResponse json(int status, String body) {
        return HttpResponse.bytes(status, body.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("Cache-Control", "no-store");
    }
}
