package dev.pdpkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.oauth.TokenStore;
import dev.pdpkit.spring.boot.metrics.PrismaMeters;
import dev.pdpkit.spring.boot.metrics.PrismaMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every call of the auto-configured client, and OAuth events, land in the application's MeterRegistry. */
class PrismaMetricsTest extends EmulatorBacked {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrismaOAuthAutoConfiguration.class,
                    PrismaAutoConfiguration.class, PrismaMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    private ApplicationContextRunner configured() {
        return runner.withPropertyValues("pdpkit.base-url=" + emulator.baseUrl(),
                "pdpkit.service-token=" + emulator.partnerServiceToken(), "pdpkit.max-retries=0");
    }

    @Test
    void callsAreTimedByOperationStatusClassAndOutcome() {
        configured().run(context -> {
            PrismaManagement client = context.getBean(PrismaManagement.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            client.workspaces().list();
            client.workspaces().list();
            emulator.faults().nextRequest("GET /v1/workspaces").respond(503);
            try {
                client.workspaces().list();
            } catch (RuntimeException expected) {
                // counted below
            }
            Timer ok = registry.find(PrismaMeters.REQUESTS).tag("method", "GET").tag("status", "2xx")
                    .tag("outcome", "SUCCESS").timer();
            Timer failed = registry.find(PrismaMeters.REQUESTS).tag("status", "5xx")
                    .tag("outcome", "SERVER_ERROR").timer();
            assertThat(ok).isNotNull();
            assertThat(ok.count()).isEqualTo(2);
            assertThat(ok.getId().getTag("operation")).isEqualTo(failed.getId().getTag("operation"))
                    .matches("[A-Za-z0-9]+");
            assertThat(failed).isNotNull();
            assertThat(failed.count()).isEqualTo(1);
        });
    }

    @Test
    void retriesAreCountedByOperation() {
        configured().withPropertyValues("pdpkit.max-retries=1", "pdpkit.timeout=20s").run(context -> {
            emulator.faults().nextRequest("GET /v1/workspaces").respond(503);
            context.getBean(PrismaManagement.class).workspaces().list();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(PrismaMeters.RETRIES).counter().count()).isEqualTo(1.0);
            assertThat(registry.find(PrismaMeters.REQUESTS).tag("status", "5xx").timer().count()).isEqualTo(1);
            assertThat(registry.find(PrismaMeters.REQUESTS).tag("status", "2xx").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void idsInPathsDoNotExplodeTheOperationTag() {
        configured().run(context -> {
            PrismaManagement client = context.getBean(PrismaManagement.class);
            for (String id : new String[] {"proj_a", "proj_b"}) {
                try {
                    client.projects().get(id);
                } catch (RuntimeException notFound) {
                    // a 404 is still a timed call
                }
            }
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(PrismaMeters.REQUESTS).tag("status", "4xx").timers()).hasSize(1);
        });
    }

    @Test
    void logoutsAreCountedByReason() {
        configured().withPropertyValues("pdpkit.oauth.client-id=" + PrismaEmulator.PUBLIC_CLIENT_ID,
                "pdpkit.oauth.issuer=" + emulator.issuerUrl()).run(context -> {
                    String token = emulator.issueAccessToken(emulator.partnerWorkspace().id());
                    context.getBean(TokenStore.class).save(OAuthTokens.of(token, null,
                            Instant.now().plusSeconds(3600), emulator.partnerWorkspace().id(), List.of()));
                    context.getBean(PrismaOAuth.class).logoutLocally();
                    assertThat(context.getBean(MeterRegistry.class).find(PrismaMeters.LOGOUTS)
                            .tag("reason", "logout").counter().count()).isEqualTo(1.0);
                });
    }

    @Test
    void metricsCanBeSwitchedOff() {
        configured().withPropertyValues("pdpkit.metrics.enabled=false").run(context -> {
            context.getBean(PrismaManagement.class).workspaces().list();
            assertThat(context).doesNotHaveBean(PrismaMeters.class);
            assertThat(context.getBean(MeterRegistry.class).find(PrismaMeters.REQUESTS).timers()).isEmpty();
        });
    }
}
