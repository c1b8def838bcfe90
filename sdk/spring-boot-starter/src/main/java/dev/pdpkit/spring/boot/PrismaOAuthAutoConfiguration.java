package dev.pdpkit.spring.boot;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.oauth.FileTokenStore;
import dev.pdpkit.oauth.InMemoryTokenStore;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.oauth.TokenListener;
import dev.pdpkit.oauth.TokenStore;
import dev.pdpkit.oauth.claim.ClaimFlow;
import dev.pdpkit.oauth.claim.ClaimReplayGuard;
import dev.pdpkit.oauth.claim.InMemoryPendingClaimStore;
import dev.pdpkit.oauth.claim.PendingClaimStore;
import dev.pdpkit.spring.boot.internal.PrismaHttp;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures OAuth when {@code pdpkit.oauth.client-id} is set: a {@link TokenStore}, a {@link PrismaOAuth}
 * and, for a confidential client with a redirect URI and a service token, the partner {@link ClaimFlow} with its
 * {@link PendingClaimStore} and {@link ClaimReplayGuard}. Each bean backs off to the application's own.
 */
@AutoConfiguration(before = PrismaAutoConfiguration.class)
@EnableConfigurationProperties(PrismaProperties.class)
@ConditionalOnClass(PrismaOAuth.class)
@ConditionalOnProperty(prefix = "pdpkit.oauth", name = "client-id")
public class PrismaOAuthAutoConfiguration {

    /**
     * @param properties {@code pdpkit.oauth.token-store} and {@code token-file}
     * @return the store of the user's tokens
     * @throws IllegalStateException if the FILE store has no {@code pdpkit.oauth.token-file}
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore prismaTokenStore(PrismaProperties properties) {
        PrismaProperties.OAuth oauth = properties.getOauth();
        if (oauth.getTokenStore() == PrismaProperties.TokenStoreType.JDBC) {
            throw new IllegalStateException(PrismaJdbcAutoConfiguration.NEEDS);
        }
        if (oauth.getTokenStore() == PrismaProperties.TokenStoreType.FILE) {
            if (oauth.getTokenFile() == null) {
                throw new IllegalStateException("pdpkit.oauth.token-store=FILE needs pdpkit.oauth.token-file");
            }
            return new FileTokenStore(oauth.getTokenFile());
        }
        return new InMemoryTokenStore();
    }

    /**
     * @param properties client id, secret, redirect URI, issuer, scopes
     * @param store the token store
     * @param http the shared HTTP clients
     * @param listeners token listeners (the metrics are one)
     * @return the OAuth bean
     */
    @Bean
    @ConditionalOnMissingBean
    public PrismaOAuth prismaOAuth(PrismaProperties properties, TokenStore store, PrismaHttp http,
                                   ObjectProvider<TokenListener> listeners) {
        PrismaProperties.OAuth oauth = properties.getOauth();
        PrismaOAuth.Builder builder = PrismaOAuth.builder()
                .clientId(oauth.getClientId())
                .clientSecret(blankToNull(oauth.getClientSecret()))
                .issuer(oauth.getIssuer())
                .managementApiUrl(properties.getBaseUrl())
                .tokenStore(store)
                .httpClient(http.base());
        if (oauth.getRedirectUri() != null) {
            builder.redirectUri(oauth.getRedirectUri());
        }
        if (!oauth.getScopes().isEmpty()) {
            builder.scopes(oauth.getScopes());
        }
        listeners.orderedStream().forEach(builder::listener);
        return builder.build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The claim flow: needs a client secret, a redirect URI and the partner's service token. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "pdpkit", name = {"oauth.client-secret", "oauth.redirect-uri", "service-token"})
    static class ClaimFlowConfiguration {

        @Bean
        @ConditionalOnMissingBean
        PendingClaimStore prismaPendingClaimStore(PrismaProperties properties) {
            requireMemory(properties);
            return new InMemoryPendingClaimStore();
        }

        @Bean
        @ConditionalOnMissingBean
        ClaimReplayGuard prismaClaimReplayGuard(PrismaProperties properties) {
            requireMemory(properties);
            return ClaimReplayGuard.inMemory(Clock.systemUTC());
        }

        private static void requireMemory(PrismaProperties properties) {
            if (properties.getClaim().getStore() == PrismaProperties.ClaimStoreType.JDBC) {
                throw new IllegalStateException(PrismaJdbcAutoConfiguration.NEEDS);
            }
        }

        @Bean
        @ConditionalOnMissingBean
        ClaimFlow prismaClaimFlow(PrismaProperties properties, PrismaManagement partner, ClaimReplayGuard guard,
                                  PrismaHttp http) {
            PrismaProperties.OAuth oauth = properties.getOauth();
            ClaimFlow.Builder builder = ClaimFlow.builder()
                    .clientId(oauth.getClientId())
                    .clientSecret(oauth.getClientSecret())
                    .redirectUri(oauth.getRedirectUri())
                    .issuer(oauth.getIssuer())
                    .partnerClient(partner)
                    .claimLifetime(properties.getClaim().getLifetime())
                    .replayGuard(guard)
                    .httpClient(http.base());
            if (!oauth.getScopes().isEmpty()) {
                builder.scopes(oauth.getScopes());
            }
            return builder.build();
        }
    }
}
