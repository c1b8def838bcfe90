package dev.pdpkit.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.spring.boot.test.PrismaEmulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The SDK's own JSON (Jackson 2's tree model, internal) adds no JSON mapper bean: the application's
 * {@code ObjectMapper} (Boot 3) or {@code JsonMapper} (Boot 4, Jackson 3) is Boot's, unchanged.
 */
@SpringBootTest(classes = TestApplication.class)
@PrismaEmulatorTest
class JacksonCoexistenceTest {
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    PrismaManagement client;

    @Test
    void everyJsonMapperBeanIsBootsAndTheClientStillWorks() throws Exception {
        client.workspaces().list();
        for (String type : new String[] {"com.fasterxml.jackson.databind.ObjectMapper",
                "tools.jackson.databind.json.JsonMapper"}) {
            if (!ClassUtils.isPresent(type, null)) {
                continue;
            }
            for (String name : context.getBeanNamesForType(ClassUtils.forName(type, null))) {
                String origin = String.valueOf(context.getBeanFactory().getBeanDefinition(name)
                        .getResourceDescription());
                assertThat(origin).as(name).doesNotContain("pdpkit");
            }
        }
        boolean boot4 = ClassUtils.isPresent("org.springframework.boot.health.contributor.HealthIndicator", null);
        String bootMapper = boot4 ? "tools.jackson.databind.json.JsonMapper"
                : "com.fasterxml.jackson.databind.ObjectMapper";
        assertThat(context.getBeanNamesForType(ClassUtils.forName(bootMapper, null))).hasSize(1);
    }
}
