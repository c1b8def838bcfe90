package dev.pdpkit.client.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.InternalServerException;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.testing.FakeTime;
import dev.pdpkit.emulator.PrismaEmulator;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional circuit breaker and rate limiter against the emulator, in fake time. */
class CircuitBreakerAndRateLimiterTest {
    private static PrismaEmulator emulator;
    private FakeTime time;

    @BeforeAll
    static void start() {
        emulator = PrismaEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.faults().clear();
        emulator.clearRequests();
        time = new FakeTime();
    }

    private PrismaManagement client(Consumer<PrismaManagement.Builder> settings) {
        PrismaManagement.Builder b = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                .serviceToken(emulator.partnerServiceToken()).clock(time).sleeper(time);
        settings.accept(b);
        return b.build();
    }

    private static long sent(String method, String path) {
        return emulator.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    @Test
    void isOffByDefault() {
        PrismaManagement client = client(b -> b.retryPolicy(RetryPolicy.none()));
        emulator.faults().allRequests("GET /v1/regions").respond(503);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> client.regions().list()).isInstanceOf(InternalServerException.class);
        }
        assertThat(sent("GET", "/v1/regions")).isEqualTo(10);
    }

    @Test
    void opensAfterNFailuresFailsFastThenRecoversAfterTheOpenWait() {
        PrismaManagement client = client(b -> b.retryPolicy(RetryPolicy.none())
                .circuitBreaker(CircuitBreakerOptions.builder().slidingWindowSize(3).minimumNumberOfCalls(3)
                        .failureRateThreshold(100).waitInOpenState(Duration.ofSeconds(30))
                        .permittedCallsInHalfOpenState(1).build()));
        emulator.faults().allRequests("GET /v1/regions").respond(503);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.regions().list()).isInstanceOf(InternalServerException.class);
        }

        // open: refused without a request, whatever the endpoint
        assertThatThrownBy(() -> client.regions().list()).isInstanceOfSatisfying(CircuitOpenException.class,
                e -> assertThat(e.waitInOpenState()).isEqualTo(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> client.me().get()).isInstanceOf(CircuitOpenException.class);
        assertThat(sent("GET", "/v1/regions")).isEqualTo(3);
        assertThat(sent("GET", "/v1/me")).isZero();

        // after the open wait, by the client's clock, a trial call goes through and closes the breaker
        emulator.faults().clear();
        time.advance(Duration.ofSeconds(31));
        assertThat(client.regions().list()).isNotEmpty();
        assertThat(client.me().get()).isNotNull();
        assertThat(sent("GET", "/v1/regions")).isEqualTo(4);
    }

    @Test
    void insideTheRetryStageAnOpenBreakerEndsTheRetriesAtOnce() {
        PrismaManagement client = client(b -> b.retryPolicy(RetryPolicy.builder().maxRetries(6).build())
                .circuitBreaker(CircuitBreakerOptions.opensAfterConsecutiveFailures(3)));
        emulator.faults().allRequests("GET /v1/regions").dropConnection();

        assertThatThrownBy(() -> client.regions().list()).isInstanceOf(CircuitOpenException.class);
        // three attempts failed and were retried; the fourth was refused by the breaker and not retried
        assertThat(emulator.faults().rules().get(0).applied()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        PrismaManagement client = client(b -> b.retryPolicy(RetryPolicy.none())
                .circuitBreaker(CircuitBreakerOptions.opensAfterConsecutiveFailures(2)));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.projects().get("proj_missing")).isInstanceOf(NotFoundException.class);
        }
        assertThat(client.regions().list()).isNotEmpty();
    }

    @Test
    void networkFailuresCountAsFailures() {
        PrismaManagement client = client(b -> b.retryPolicy(RetryPolicy.none())
                .circuitBreaker(CircuitBreakerOptions.opensAfterConsecutiveFailures(2)));
        emulator.faults().nextRequests("GET /v1/regions", 2).dropConnection();
        assertThatThrownBy(() -> client.regions().list()).isInstanceOf(PrismaNetworkException.class);
        assertThatThrownBy(() -> client.regions().list()).isInstanceOf(PrismaNetworkException.class);
        assertThatThrownBy(() -> client.regions().list()).isInstanceOf(CircuitOpenException.class);
    }

    @Test
    void theRateLimiterSpacesAttemptsThroughTheSleeper() {
        PrismaManagement client = client(b -> b.timeout(Duration.ofMinutes(10)).rateLimit(2, Duration.ofMinutes(1)));
        for (int i = 0; i < 5; i++) {
            assertThat(client.regions().list()).isNotEmpty();
        }
        assertThat(sent("GET", "/v1/regions")).isEqualTo(5);
        // two permits per minute: the 3rd and 4th attempt wait for the next minute, the 5th for the one after
        assertThat(time.sleeps()).hasSize(3);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
        assertThat(time.sleeps().get(2)).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));
    }

    @Test
    void aPermitBeyondTheCallsBudgetFailsWithoutSending() {
        PrismaManagement client = client(b -> b.timeout(Duration.ofSeconds(20)).rateLimit(1, Duration.ofMinutes(1)));
        assertThat(client.regions().list()).isNotEmpty();
        assertThatThrownBy(() -> client.regions().list()).isInstanceOf(RateLimitWaitException.class);
        assertThat(sent("GET", "/v1/regions")).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aCopyMadeWithOptionsCanTurnThemOff() {
        PrismaManagement guarded = client(b -> b.retryPolicy(RetryPolicy.none())
                .circuitBreaker(CircuitBreakerOptions.opensAfterConsecutiveFailures(1)));
        emulator.faults().nextRequest("GET /v1/regions").respond(500);
        assertThatThrownBy(() -> guarded.regions().list()).isInstanceOf(InternalServerException.class);
        assertThatThrownBy(() -> guarded.regions().list()).isInstanceOf(CircuitOpenException.class);

        PrismaManagement unguarded = guarded.withOptions(b -> b.circuitBreaker(null));
        assertThat(unguarded.regions().list()).isNotEmpty();
    }
}
