package dev.pdpkit.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.spring.boot.test.PrismaEmulatorTest;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * A slow or failing Prisma must not take the application out of the load balancer: the "prisma" indicator is in the
 * health endpoint but not in Boot's readiness (or liveness) group. The group types moved between Boot 3 and 4, so
 * they are read reflectively.
 */
@SpringBootTest(classes = TestApplication.class, properties = "management.endpoint.health.probes.enabled=true")
@PrismaEmulatorTest
class ReadinessGroupTest {
    private static final String[] GROUPS = {"org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups",
            "org.springframework.boot.actuate.health.HealthEndpointGroups"};

    @Autowired
    ApplicationContext context;

    @Test
    void prismaIsAHealthContributorButNotInTheProbeGroups() throws Exception {
        assertThat(context.containsBean("prismaHealthIndicator")).isTrue();
        Class<?> groupsType = null;
        for (String type : GROUPS) {
            if (ClassUtils.isPresent(type, null)) {
                groupsType = ClassUtils.forName(type, null);
            }
        }
        assertThat(groupsType).as("Boot's health groups").isNotNull();
        Object groups = context.getBean(groupsType);
        Method get = groupsType.getMethod("get", String.class);
        Method isMember = get.getReturnType().getMethod("isMember", String.class);
        for (String probe : new String[] {"readiness", "liveness"}) {
            Object group = get.invoke(groups, probe);
            assertThat(group).as(probe + " group").isNotNull();
            assertThat((Boolean) isMember.invoke(group, "prisma")).as(probe + " includes prisma").isFalse();
        }
        assertThat((Boolean) isMember.invoke(groupsType.getMethod("getPrimary").invoke(groups), "prisma"))
                .as("the health endpoint itself includes prisma").isTrue();
    }
}
