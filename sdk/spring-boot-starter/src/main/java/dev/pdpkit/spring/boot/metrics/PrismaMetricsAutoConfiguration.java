package dev.pdpkit.spring.boot.metrics;

import dev.pdpkit.spring.boot.internal.PrismaResilience;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    /**
     * Resilience4j's own meters ({@code resilience4j.retry.*}, {@code resilience4j.circuitbreaker.*},
     * {@code resilience4j.ratelimiter.*}) for the registries the starter created; the application's own registries
     * are bound by whoever created them (for example Resilience4j's Spring Boot starter).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TaggedRetryMetrics.class)
    static class Resilience4jMetrics {
        @Bean
        @ConditionalOnMissingBean(name = "prismaResilience4jMetrics")
        MeterBinder prismaResilience4jMetrics(ObjectProvider<PrismaResilience> resilience) {
            return meters -> {
                PrismaResilience r = resilience.getIfUnique();
                if (r == null) {
                    return;
                }
                if (r.ownRetries()) {
                    TaggedRetryMetrics.ofRetryRegistry(r.retries()).bindTo(meters);
                }
                if (r.ownCircuitBreakers()) {
                    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(r.circuitBreakers()).bindTo(meters);
                }
                if (r.ownRateLimiters()) {
                    TaggedRateLimiterMetrics.ofRateLimiterRegistry(r.rateLimiters()).bindTo(meters);
                }
            };
        }
    }
}
