package dev.pdpkit.spring.boot;

import dev.pdpkit.jdbc.AtRestEncryption;
import dev.pdpkit.jdbc.JdbcClaimReplayGuard;
import dev.pdpkit.jdbc.JdbcPendingClaimStore;
import dev.pdpkit.jdbc.JdbcSchema;
import dev.pdpkit.jdbc.JdbcTokenStore;
import dev.pdpkit.oauth.TokenStore;
import dev.pdpkit.oauth.claim.ClaimReplayGuard;
import dev.pdpkit.oauth.claim.PendingClaimStore;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The pdpkit-jdbc stores on the application's {@link DataSource}, shared by every instance behind a load balancer:
 * the {@link TokenStore} with {@code pdpkit.oauth.token-store=jdbc} (key {@code pdpkit.oauth.token-key}), the
 * {@link PendingClaimStore} and {@link ClaimReplayGuard} with {@code pdpkit.claim.store=jdbc}. With
 * {@code pdpkit.jdbc.initialize-schema=true} the tables are created when missing.
 */
@AutoConfiguration(before = PrismaOAuthAutoConfiguration.class)
@EnableConfigurationProperties(PrismaProperties.class)
@ConditionalOnClass({JdbcTokenStore.class, DataSource.class})
public class PrismaJdbcAutoConfiguration {
    static final String NEEDS =
            "pdpkit: a JDBC store needs dev.pdpkit:pdpkit-jdbc on the classpath and a DataSource bean";

    /**
     * @param dataSource the application's pool
     * @param properties {@code pdpkit.jdbc.*}
     * @return the stores' settings, with the schema created if asked
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(JdbcSelected.class)
    public PrismaJdbc prismaJdbc(ObjectProvider<DataSource> dataSource, PrismaProperties properties) {
        DataSource ds = dataSource.getIfUnique();
        if (ds == null) {
            throw new IllegalStateException(NEEDS);
        }
        PrismaProperties.Jdbc jdbc = properties.getJdbc();
        if (jdbc.isInitializeSchema()) {
            JdbcSchema.createSchemaIfMissing(ds);
        }
        AtRestEncryption encryption = null;
        if (jdbc.getEncryptionKey() != null && !jdbc.getEncryptionKey().isBlank()) {
            byte[] key = Base64.getDecoder().decode(jdbc.getEncryptionKey().strip());
            encryption = AtRestEncryption.withKey(jdbc.getEncryptionKeyId() == null ? "pdpkit"
                    : jdbc.getEncryptionKeyId(), new SecretKeySpec(key, "AES"));
        }
        return new PrismaJdbc(ds, encryption);
    }

    /**
     * @param jdbc the data source and encryption
     * @param properties the key and lock timeout
     * @return the token store shared by every instance
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "pdpkit.oauth", name = "token-store", havingValue = "jdbc")
    public TokenStore prismaTokenStore(PrismaJdbc jdbc, PrismaProperties properties) {
        return JdbcTokenStore.builder(jdbc.dataSource()).key(properties.getOauth().getTokenKey())
                .lockTimeout(properties.getJdbc().getLockTimeout()).encryption(jdbc.encryption()).build();
    }

    /**
     * @param jdbc the data source and encryption
     * @return pending claims any instance can take
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "pdpkit.claim", name = "store", havingValue = "jdbc")
    public PendingClaimStore prismaPendingClaimStore(PrismaJdbc jdbc) {
        return JdbcPendingClaimStore.builder(jdbc.dataSource()).encryption(jdbc.encryption()).build();
    }

    /**
     * @param jdbc the data source
     * @return the replay guard every instance consults
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "pdpkit.claim", name = "store", havingValue = "jdbc")
    public ClaimReplayGuard prismaClaimReplayGuard(PrismaJdbc jdbc) {
        return new JdbcClaimReplayGuard(jdbc.dataSource());
    }

    /** Matches when a JDBC token store or JDBC claim stores are selected. */
    static class JdbcSelected extends AnyNestedCondition {
        JdbcSelected() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "pdpkit.oauth", name = "token-store", havingValue = "jdbc")
        static class Tokens {
        }

        @ConditionalOnProperty(prefix = "pdpkit.claim", name = "store", havingValue = "jdbc")
        static class Claims {
        }
    }

    /**
     * What the JDBC stores share.
     *
     * @param dataSource the application's pool
     * @param encryption at-rest encryption, or null
     */
    public record PrismaJdbc(DataSource dataSource, AtRestEncryption encryption) {
        @Override
        public String toString() {
            return "PrismaJdbc[" + dataSource.getClass().getSimpleName() + ", encrypted=" + (encryption != null) + "]";
        }
    }
}
