package dev.pdpkit.spring.boot;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.okhttp.OkHttpBackend;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.spring.boot.internal.CallObserver;
import dev.pdpkit.spring.boot.internal.PrismaHttp;
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
 * application defines its own {@link PrismaManagement}. Uses the application's {@link OkHttpClient} bean when there
 * is exactly one.
 */
@AutoConfiguration
@ConditionalOnClass(PrismaManagement.class)
@EnableConfigurationProperties(PrismaProperties.class)
public class PrismaAutoConfiguration {

    /**
     * @param applicationClient the application's OkHttp client, if it has one
     * @param observers metrics, if enabled
     * @return the HTTP clients the pdpkit beans share
     */
    @Bean
    @ConditionalOnMissingBean
    public PrismaHttp prismaHttp(ObjectProvider<OkHttpClient> applicationClient,
                                 ObjectProvider<CallObserver> observers) {
        return new PrismaHttp(applicationClient.getIfUnique(), observers.getIfUnique());
    }

    /**
     * @param properties the {@code pdpkit.*} properties
     * @param http the shared HTTP clients
     * @param oauth the OAuth bean, used when no service token is configured
     * @param customizers applied last, in order
     * @return the client; closed with the context
     * @throws IllegalStateException if neither a service token nor OAuth is configured
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(PrismaCredentialsCondition.class)
    public PrismaManagement prismaManagement(PrismaProperties properties, PrismaHttp http,
                                             ObjectProvider<PrismaOAuth> oauth,
                                             ObjectProvider<PrismaManagementCustomizer> customizers) {
        PrismaManagement.Builder builder = PrismaManagement.builder()
                .baseUrl(properties.getBaseUrl())
                .credentials(credentials(properties, oauth))
                .httpBackend(OkHttpBackend.of(http.api()))
                .connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .writeTimeout(properties.getWriteTimeout())
                .timeout(properties.getTimeout())
                .maxRetries(properties.getMaxRetries())
                .logBodies(properties.isLogBodies());
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
