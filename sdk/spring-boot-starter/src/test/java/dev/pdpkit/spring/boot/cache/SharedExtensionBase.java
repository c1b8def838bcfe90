package dev.pdpkit.spring.boot.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.emulator.junit.SharedPrismaEmulatorExtension;
import dev.pdpkit.spring.boot.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case without the annotation: a base class with a static JUnit extension and
 * {@code @DynamicPropertySource}, two subclasses, one cached context. With the per-class PrismaEmulatorExtension the
 * second class's context pointed at the first class's closed emulator; the shared extension keeps it running.
 */
@SpringBootTest(classes = TestApplication.class, properties = "pdpkit.health.enabled=false")
abstract class SharedExtensionBase {
    @RegisterExtension
    static SharedPrismaEmulatorExtension emulator = SharedPrismaEmulatorExtension.shared();

    @DynamicPropertySource
    static void prisma(DynamicPropertyRegistry registry) {
        registry.add("pdpkit.base-url", () -> emulator.emulator().baseUrl());
        registry.add("pdpkit.service-token", () -> emulator.emulator().partnerServiceToken());
    }

    @Autowired
    PrismaManagement client;

    @Test
    void theContextsClientReachesARunningEmulator() {
        assertThat(client.baseUrl()).isEqualTo(emulator.emulator().baseUrl() + "/");
        assertThat(client.workspaces().list().autoPager()).isNotEmpty();
    }
}
