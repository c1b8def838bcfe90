package dev.pdpkit.spring.boot.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.spring.boot.app.TestApplication;
import dev.pdpkit.spring.boot.test.PrismaEmulatorTest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two subclasses with the same configuration share one cached context and so one emulator, which must still be
 * running for the second class.
 */
@SpringBootTest(classes = TestApplication.class, properties = "pdpkit.health.enabled=false")
@PrismaEmulatorTest(provisioningDelayMillis = 1)
abstract class CachedContextBase {
    static final Set<PrismaEmulator> SEEN = ConcurrentHashMap.newKeySet();

    @Autowired
    PrismaManagement client;
    @Autowired
    PrismaEmulator emulator;

    @Test
    void theCachedContextsEmulatorIsRunning() {
        SEEN.add(emulator);
        assertThat(SEEN).hasSize(1);
        assertThat(emulator.isClosed()).isFalse();
        assertThat(client.projects().create(ProjectCreateParams.builder().name(getClass().getSimpleName()).build())
                .id()).isNotBlank();
    }
}
