package dev.pdpkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.spring.boot.health.PrismaHealthAutoConfiguration;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * The "prisma" health indicator, on whichever Boot line runs this suite (the indicator types differ between Boot 3
 * and 4, so they are called reflectively through {@code health().getStatus().getCode()}).
 */
class PrismaHealthTest extends EmulatorBacked {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrismaAutoConfiguration.class,
                    PrismaHealthAutoConfiguration.class));

    static String status(ApplicationContext context) throws Exception {
        Object health = health(context);
        Object status = health.getClass().getMethod("getStatus").invoke(health);
        return (String) status.getClass().getMethod("getCode").invoke(status);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(ApplicationContext context) throws Exception {
        Object health = health(context);
        return (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
    }

    private static Object health(ApplicationContext context) throws Exception {
        Object indicator = context.getBean("prismaHealthIndicator");
        Method health = indicator.getClass().getMethod("health");
        health.setAccessible(true);
        return health.invoke(indicator);
    }

    private ApplicationContextRunner token(String token) {
        return runner.withPropertyValues("pdpkit.base-url=" + emulator.baseUrl(), "pdpkit.service-token=" + token);
    }

    @Test
    void upWhenTheApiAnswersAndTheResultIsCached() {
        token(emulator.partnerServiceToken()).run(context -> {
            assertThat(status(context)).isEqualTo("UP");
            int requests = emulator.requests().size();
            assertThat(status(context)).isEqualTo("UP");
            assertThat(emulator.requests()).hasSize(requests);
            assertThat(details(context)).containsEntry("baseUrl", emulator.baseUrl() + "/")
                    .doesNotContainValue(emulator.partnerServiceToken());
        });
    }

    @Test
    void downWhenTheCredentialsAreRejected() {
        token("wrong-token").run(context -> {
            assertThat(status(context)).isEqualTo("DOWN");
            assertThat(details(context).get("error").toString()).contains("credentials rejected");
        });
    }

    @Test
    void unknownRatherThanDownOrHangingWhenTheApiIsSlow() {
        emulator.faults().nextRequest("GET /v1/me").delay(Duration.ofSeconds(3));
        token(emulator.partnerServiceToken()).withPropertyValues("pdpkit.health.timeout=100ms").run(context ->
                assertThat(status(context)).isEqualTo("UNKNOWN"));
    }

    @Test
    void canBeSwitchedOffEitherWay() {
        token(emulator.partnerServiceToken()).withPropertyValues("pdpkit.health.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("prismaHealthIndicator"));
        token(emulator.partnerServiceToken()).withPropertyValues("management.health.prisma.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("prismaHealthIndicator"));
    }
}
