package dev.pdpkit.spring.boot.health;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.spring.boot.PrismaAutoConfiguration;
import dev.pdpkit.spring.boot.PrismaProperties;
import java.time.Clock;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The "prisma" health indicator ({@code prismaHealthIndicator}) on Boot 4 or Boot 3.5, when a {@link PrismaManagement}
 * bean exists and {@code pdpkit.health.enabled} and {@code management.health.prisma.enabled} are not false. Boot's
 * readiness group does not include it unless the application adds it
 * ({@code management.endpoint.health.group.readiness.include=readinessState,prisma}).
 */
@AutoConfiguration(after = PrismaAutoConfiguration.class)
@ConditionalOnBean(PrismaManagement.class)
@ConditionalOnProperty(prefix = "pdpkit.health", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "management.health.prisma", name = "enabled", matchIfMissing = true)
public class PrismaHealthAutoConfiguration {
    static final String BEAN_NAME = "prismaHealthIndicator";

    /**
     * @param client the client to check
     * @param properties {@code pdpkit.health.*}
     * @return the cached probe both indicators use
     */
    @Bean
    @ConditionalOnMissingBean
    public PrismaHealthProbe prismaHealthProbe(PrismaManagement client, PrismaProperties properties) {
        PrismaProperties.Health h = properties.getHealth();
        return new PrismaHealthProbe(client, h.getCacheTtl(), h.getTimeout(), Clock.systemUTC());
    }

    /** Boot 4: {@code org.springframework.boot.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean(BEAN_NAME)
        @ConditionalOnMissingBean(name = BEAN_NAME)
        Boot4HealthIndicator prismaHealthIndicator(PrismaHealthProbe probe) {
            return new Boot4HealthIndicator(probe);
        }
    }

    /** Boot 3.5: {@code org.springframework.boot.actuate.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = Boot3HealthIndicator.INDICATOR)
    @ConditionalOnMissingBean(name = BEAN_NAME)
    @Import(Boot3Registrar.class)
    static class Boot3 {
    }

    /** Registers the Boot 3 indicator with its interface as the bean type, so Actuator finds it by type. */
    static class Boot3Registrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {
        private BeanFactory beanFactory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
            this.beanFactory = beanFactory;
        }

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            ClassLoader loader = Boot3Registrar.class.getClassLoader();
            Class<?> type;
            try {
                type = Class.forName(Boot3HealthIndicator.INDICATOR, false, loader);
            } catch (ClassNotFoundException e) {
                return; // the condition above makes this unreachable
            }
            RootBeanDefinition definition = new RootBeanDefinition(type);
            definition.setInstanceSupplier(
                    () -> Boot3HealthIndicator.create(beanFactory.getBean(PrismaHealthProbe.class), loader));
            registry.registerBeanDefinition(BEAN_NAME, definition);
        }
    }
}
