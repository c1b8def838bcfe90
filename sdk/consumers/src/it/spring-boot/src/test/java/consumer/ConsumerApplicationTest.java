package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.spring.boot.test.PrismaEmulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@PrismaEmulatorTest
class ConsumerApplicationTest {
    @Autowired
    ConsumerApplication.Provisioning provisioning;
    @Autowired
    PrismaEmulator emulator;

    @Test
    void provisionsThroughTheStartersClient() {
        String id = provisioning.provision("acme");
        assertThat(emulator.projectIds(emulator.partnerWorkspace().id())).contains(id);
    }
}
