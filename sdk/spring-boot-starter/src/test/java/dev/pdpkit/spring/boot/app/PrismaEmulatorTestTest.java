package dev.pdpkit.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.oauth.claim.ClaimFlow;
import dev.pdpkit.spring.boot.metrics.PrismaMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import dev.pdpkit.spring.boot.test.PrismaEmulatorTest;

/** A full Boot application (Actuator, Jackson) on an emulator started by {@link PrismaEmulatorTest}. */
@SpringBootTest(classes = TestApplication.class)
@PrismaEmulatorTest(oauth = true)
class PrismaEmulatorTestTest {
    @Autowired
    PrismaManagement client;
    @Autowired
    PrismaEmulator emulator;
    @Autowired
    PrismaOAuth oauth;
    @Autowired
    ClaimFlow claims;
    @Autowired
    MeterRegistry registry;

    @Test
    void theBeansTalkToTheTestsEmulator() {
        assertThat(client.baseUrl()).isEqualTo(emulator.baseUrl() + "/");
        String id = client.projects().create(ProjectCreateParams.builder().name("boot-test").build()).id();
        assertThat(emulator.projectIds(emulator.partnerWorkspace().id())).contains(id);
        assertThat(claims.start(id).authorizationUrl().toString()).startsWith(emulator.issuerUrl());
        assertThat(oauth.currentTokens()).isEmpty();
    }

    @Test
    void actuatorsRegistryHasTheClientsMeters() {
        client.workspaces().list();
        assertThat(registry.find(PrismaMeters.REQUESTS).tag("method", "GET").timers()).isNotEmpty();
        // Resilience4j's own meters, for the retry registry the starter created for the client
        assertThat(registry.find("resilience4j.retry.calls").tag("name", "pdpkit-repeatable").meters()).isNotEmpty();
    }
}
