package dev.pdpkit.spring.boot;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.http.AttemptListener;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.spring.boot.internal.PrismaHttp;
import dev.pdpkit.spring.boot.internal.PrismaResilience;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.List;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.util.StringUtils;

/**
 * Auto-configures a {@link PrismaManagement} from {@code pdpkit.*}: with {@code pdpkit.service-token}, or with the
 * {@link PrismaOAuth} bean's credentials when only {@code pdpkit.oauth.client-id} is set. Backs off when the
 * application defines its own {@link PrismaManagement}. Uses the application's {@link OkHttpClient} and Resilience4j
 * registry beans when there is exactly one of a kind, and reports every attempt to the {@link AttemptListener} beans
 * (the metrics are one).
 */
@AutoConfiguration
@ConditionalOnClass(PrismaManagement.class)
@EnableConfigurationProperties(PrismaProperties.class)
public class PrismaAutoConfiguration {

    /**
     * @param applicationClient the application's OkHttp client, if it has one
     * @param properties the timeouts
     * @return the HTTP clients the pdpkit beans share
     */
    @Bean
    @ConditionalOnMissingBean
    public PrismaHttp prismaHttp(ObjectProvider<OkHttpClient> applicationClient, PrismaProperties properties) {
        return new PrismaHttp(applicationClient.getIfUnique(), properties);
    }

    /**
     * @param retries the application's retry registry, if it has one
     * @param circuitBreakers the application's circuit breaker registry, if it has one
     * @param rateLimiters the application's rate limiter registry, if it has one
     * @return the registries the client's Resilience4j instances live in
     */
    @Bean
    @ConditionalOnMissingBean
    public PrismaResilience prismaResilience(ObjectProvider<RetryRegistry> retries,
                                             ObjectProvider<CircuitBreakerRegistry> circuitBreakers,
                                             ObjectProvider<RateLimiterRegistry> rateLimiters) {
        return PrismaResilience.of(retries.getIfUnique(), circuitBreakers.getIfUnique(), rateLimiters.getIfUnique());
    }

    /**
     * @param properties the {@code pdpkit.*} properties
     * @param http the shared HTTP clients
     * @param resilience the Resilience4j registries
     * @param oauth the OAuth bean, used when no service token is configured
     * @param listeners hear about every attempt (the metrics are one)
     * @param customizers applied last, in order
     * @return the client; closed with the context
     * @throws IllegalStateException if neither a service token nor OAuth is configured
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(PrismaCredentialsCondition.class)
    public PrismaManagement prismaManagement(PrismaProperties properties, PrismaHttp http,
                                             PrismaResilience resilience, ObjectProvider<PrismaOAuth> oauth,
                                             ObjectProvider<AttemptListener> listeners,
                                             ObjectProvider<PrismaManagementCustomizer> customizers) {
        PrismaManagement.Builder builder = PrismaManagement.builder()
                .baseUrl(properties.getBaseUrl())
                .credentials(credentials(properties, oauth))
                .transport(OkHttpTransport.of(http.api()))
                .retryRegistry(resilience.retries())
                .circuitBreakerRegistry(resilience.circuitBreakers())
                .rateLimiterRegistry(resilience.rateLimiters())
                .timeout(properties.getTimeout())
                .maxRetries(properties.getMaxRetries())
                .logBodies(properties.isLogBodies());
        List<AttemptListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            builder.attemptListener(event -> all.forEach(l -> l.onAttempt(event)));
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    private static Credentials credentials(PrismaProperties properties, ObjectProvider<PrismaOAuth> oauth) {
        if (StringUtils.hasText(properties.getServiceToken())) {
            return Credentials.serviceToken(properties.getServiceToken());
        }
        PrismaOAuth userAuth = oauth.getIfUnique();
        if (userAuth == null) {
            throw new IllegalStateException("pdpkit: set pdpkit.service-token, or pdpkit.oauth.client-id to act "
                    + "with a user's OAuth tokens");
        }
        return userAuth.credentials();
    }
}
