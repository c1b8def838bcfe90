package dev.pdpkit.client.http;

/**
 * Hears about every attempt of every call, once the attempt is over: a hook for metrics and tracing. Called on the
 * thread that finished the attempt; keep it fast and let it not throw (what it throws is logged and ignored).
 *
 * <pre>{@code
 * PrismaManagement client = PrismaManagement.builder()
 *     .fromEnv()
 *     .attemptListener(e -> System.out.println(e.operationId() + " #" + e.attempt() + " " + e.outcome()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface AttemptListener {

    /**
     * Receives one finished attempt.
     *
     * @param event what happened
     */
    void onAttempt(AttemptEvent event);
}
