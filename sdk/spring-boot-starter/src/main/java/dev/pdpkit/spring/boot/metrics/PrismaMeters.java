package dev.pdpkit.spring.boot.metrics;

import dev.pdpkit.client.http.AttemptEvent;
import dev.pdpkit.client.http.AttemptListener;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.TokenListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The pdpkit meters:
 * <ul>
 *   <li>{@value #REQUESTS} (timer): every HTTP attempt, tagged {@code operation} (the spec's operationId),
 *       {@code method}, {@code status} ({@code 2xx} ... {@code 5xx}, {@code IO} when no response arrived) and
 *       {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code NETWORK_ERROR});</li>
 *   <li>{@value #RETRIES} (counter): attempts the client retries, tagged {@code operation};</li>
 *   <li>{@value #LOGINS}, {@value #REFRESHES} (counters): completed logins and token refreshes;</li>
 *   <li>{@value #LOGOUTS} (counter): tokens removed, tagged {@code reason} ({@code logout} or
 *       {@code refresh_token_rejected}).</li>
 * </ul>
 * The registry is looked up on first use, so the meters work whichever auto-configuration creates it.
 */
public final class PrismaMeters implements AttemptListener, TokenListener {
    /** Timer of HTTP attempts. */
    public static final String REQUESTS = "pdpkit.client.requests";
    /** Counter of retried attempts. */
    public static final String RETRIES = "pdpkit.client.retries";
    /** Counter of completed logins. */
    public static final String LOGINS = "pdpkit.oauth.logins";
    /** Counter of successful token refreshes. */
    public static final String REFRESHES = "pdpkit.oauth.token.refreshes";
    /** Counter of removed tokens (logouts). */
    public static final String LOGOUTS = "pdpkit.oauth.logouts";

    private final Supplier<MeterRegistry> registry;

    /** @param registry supplies the registry, or null while there is none */
    public PrismaMeters(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void onAttempt(AttemptEvent e) {
        MeterRegistry r = registry.get();
        if (r == null) {
            return;
        }
        int status = e.status().orElse(0);
        Timer.builder(REQUESTS).description("HTTP attempts of the Prisma Management API client")
                .tag("operation", e.operationId()).tag("method", e.method())
                .tag("status", status == 0 ? "IO" : (status / 100) + "xx").tag("outcome", outcome(status))
                .register(r).record(e.duration());
        if (e.outcome() == AttemptEvent.Outcome.RETRYING) {
            Counter.builder(RETRIES).description("Attempts the client retries")
                    .tag("operation", e.operationId()).register(r).increment();
        }
    }

    private static String outcome(int status) {
        if (status == 0) {
            return "NETWORK_ERROR";
        }
        if (status < 400) {
            return "SUCCESS";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }

    @Override
    public void onLogin(OAuthTokens tokens) {
        count(LOGINS, null);
    }

    @Override
    public void onRefresh(OAuthTokens tokens) {
        count(REFRESHES, null);
    }

    @Override
    public void onCleared(ClearReason reason) {
        count(LOGOUTS, reason.name().toLowerCase(Locale.ROOT));
    }

    private void count(String name, String reason) {
        MeterRegistry r = registry.get();
        if (r != null) {
            Counter.Builder b = Counter.builder(name);
            if (reason != null) {
                b.tag("reason", reason);
            }
            b.register(r).increment();
        }
    }
}
