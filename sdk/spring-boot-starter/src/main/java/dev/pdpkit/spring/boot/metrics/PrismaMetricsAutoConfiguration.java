package dev.pdpkit.spring.boot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** Records {@link PrismaMeters} when Micrometer is on the classpath and {@code pdpkit.metrics.enabled} is not false. */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnProperty(prefix = "pdpkit.metrics", name = "enabled", matchIfMissing = true)
public class PrismaMetricsAutoConfiguration {

    /**
     * @param registry the application's registry (Boot's composite one when Actuator is present)
     * @return the meters, which the client and OAuth beans report to
     */
    @Bean
    @ConditionalOnMissingBean
    public PrismaMeters prismaMeters(ObjectProvider<MeterRegistry> registry) {
        return new PrismaMeters(registry::getIfUnique);
    }
}
