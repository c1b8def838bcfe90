package dev.pdpkit.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code pdpkit.*} properties. Secrets ({@code service-token}, {@code oauth.client-secret}) never appear in
 * {@link #toString()}.
 */
@ConfigurationProperties(prefix = "pdpkit")
public class PrismaProperties {
    /** Creates the properties with their defaults (Spring binds them). */
    public PrismaProperties() {
    }

    /** The API base URL; an emulator's URL in tests. A trailing /v1 is accepted. */
    private String baseUrl = "https://api.prisma.io";
    /** The workspace service token the PrismaManagement bean authenticates with. */
    private String serviceToken;
    /** Connect timeout of one attempt. */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Longest silence while reading one response. */
    private Duration readTimeout = Duration.ofSeconds(30);
    /** Longest stall while writing one request. */
    private Duration writeTimeout = Duration.ofSeconds(30);
    /** Time budget of a whole call, every attempt and back-off included. */
    private Duration timeout = Duration.ofSeconds(60);
    /** Retries after the first attempt (creates without a logicalId are never retried). */
    private int maxRetries = 2;
    /** Log request and response bodies at DEBUG, secrets masked. */
    private boolean logBodies;

    private final OAuth oauth = new OAuth();
    private final Claim claim = new Claim();
    private final Health health = new Health();
    private final Metrics metrics = new Metrics();
    private final Jdbc jdbc = new Jdbc();

    /** @return the value of {@code base-url} */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the new value of {@code base-url} */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the value of {@code service-token} */
    public String getServiceToken() {
        return serviceToken;
    }

    /** @param serviceToken the new value of {@code service-token} */
    public void setServiceToken(String serviceToken) {
        this.serviceToken = serviceToken;
    }

    /** @return the value of {@code connect-timeout} */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the new value of {@code connect-timeout} */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the value of {@code read-timeout} */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /** @param readTimeout the new value of {@code read-timeout} */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** @return the value of {@code write-timeout} */
    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    /** @param writeTimeout the new value of {@code write-timeout} */
    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** @return the value of {@code timeout} */
    public Duration getTimeout() {
        return timeout;
    }

    /** @param timeout the new value of {@code timeout} */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** @return the value of {@code max-retries} */
    public int getMaxRetries() {
        return maxRetries;
    }

    /** @param maxRetries the new value of {@code max-retries} */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** @return the value of {@code log-bodies} */
    public boolean isLogBodies() {
        return logBodies;
    }

    /** @param logBodies the new value of {@code log-bodies} */
    public void setLogBodies(boolean logBodies) {
        this.logBodies = logBodies;
    }

    /** @return the value of {@code oauth} */
    public OAuth getOauth() {
        return oauth;
    }

    /** @return the value of {@code claim} */
    public Claim getClaim() {
        return claim;
    }

    /** @return the value of {@code health} */
    public Health getHealth() {
        return health;
    }

    /** @return the value of {@code metrics} */
    public Metrics getMetrics() {
        return metrics;
    }

    /** @return the value of {@code jdbc} */
    public Jdbc getJdbc() {
        return jdbc;
    }

    @Override
    public String toString() {
        return "PrismaProperties{baseUrl=" + baseUrl + ", serviceToken=" + (serviceToken == null ? "none" : "***")
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", oauth=" + oauth + ", jdbc=" + jdbc + "}";
    }

    /** Where a PrismaOAuth keeps the user's tokens. */
    public enum TokenStoreType {
        /** In this process only (the default). */
        MEMORY,
        /** A JSON file guarded by an OS lock: shared by the processes of one host ({@code pdpkit.oauth.token-file}). */
        FILE,
        /** A SQL table shared by every instance (pdpkit-jdbc and the application's DataSource). */
        JDBC
    }

    /** Where the claim flow keeps pending claims and used states. */
    public enum ClaimStoreType {
        /** In this process only (the default): needs sticky sessions behind a load balancer. */
        MEMORY,
        /** SQL tables shared by every instance (pdpkit-jdbc and the application's DataSource). */
        JDBC
    }

    /** {@code pdpkit.oauth.*}: the OAuth application; PrismaOAuth and ClaimFlow beans exist when client-id is set. */
    public static class OAuth {
        /** Creates the settings with their defaults. */
        public OAuth() {
        }

        /** The OAuth application's client id; setting it creates the PrismaOAuth bean. */
        private String clientId;
        /** The client secret of a confidential client; with redirect-uri it also creates the ClaimFlow bean. */
        private String clientSecret;
        /** The registered callback URL, used byte for byte; never taken from a request. */
        private String redirectUri;
        /** The authorization server's issuer. */
        private String issuer = "https://auth.prisma.io";
        /** Scopes requested at login; empty means the SDK's defaults (workspace:admin offline_access). */
        private List<String> scopes = new ArrayList<>();
        /** Where user tokens are kept. */
        private TokenStoreType tokenStore = TokenStoreType.MEMORY;
        /** The token file when token-store is FILE. */
        private Path tokenFile;
        /** The principal key of the token pair when token-store is JDBC (one pair per key). */
        private String tokenKey = "default";

        /** @return the value of {@code client-id} */
        public String getClientId() {
            return clientId;
        }

        /** @param clientId the new value of {@code client-id} */
        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        /** @return the value of {@code client-secret} */
        public String getClientSecret() {
            return clientSecret;
        }

        /** @param clientSecret the new value of {@code client-secret} */
        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        /** @return the value of {@code redirect-uri} */
        public String getRedirectUri() {
            return redirectUri;
        }

        /** @param redirectUri the new value of {@code redirect-uri} */
        public void setRedirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
        }

        /** @return the value of {@code issuer} */
        public String getIssuer() {
            return issuer;
        }

        /** @param issuer the new value of {@code issuer} */
        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        /** @return the value of {@code scopes} */
        public List<String> getScopes() {
            return scopes;
        }

        /** @param scopes the new value of {@code scopes} */
        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        /** @return the value of {@code token-store} */
        public TokenStoreType getTokenStore() {
            return tokenStore;
        }

        /** @param tokenStore the new value of {@code token-store} */
        public void setTokenStore(TokenStoreType tokenStore) {
            this.tokenStore = tokenStore;
        }

        /** @return the value of {@code token-file} */
        public Path getTokenFile() {
            return tokenFile;
        }

        /** @return the value of {@code token-key} */
        public String getTokenKey() {
            return tokenKey;
        }

        /** @param tokenKey the new value of {@code token-key} */
        public void setTokenKey(String tokenKey) {
            this.tokenKey = tokenKey;
        }

        /** @param tokenFile the new value of {@code token-file} */
        public void setTokenFile(Path tokenFile) {
            this.tokenFile = tokenFile;
        }

        @Override
        public String toString() {
            return "OAuth{clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "***")
                    + ", redirectUri=" + redirectUri + ", issuer=" + issuer + ", scopes=" + scopes
                    + ", tokenStore=" + tokenStore + "}";
        }
    }

    /** {@code pdpkit.claim.*}: the partner claim flow. */
    public static class Claim {
        /** Creates the settings with their defaults. */
        public Claim() {
        }

        /** How long a started claim can be completed. */
        private Duration lifetime = Duration.ofMinutes(15);
        /** Where pending claims and used states are kept. */
        private ClaimStoreType store = ClaimStoreType.MEMORY;

        /** @return the value of {@code store} */
        public ClaimStoreType getStore() {
            return store;
        }

        /** @param store the new value of {@code store} */
        public void setStore(ClaimStoreType store) {
            this.store = store;
        }

        /** @return the value of {@code lifetime} */
        public Duration getLifetime() {
            return lifetime;
        }

        /** @param lifetime the new value of {@code lifetime} */
        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    /** {@code pdpkit.health.*}: the Actuator health indicator ("prisma"). */
    public static class Health {
        /** Creates the settings with their defaults. */
        public Health() {
        }

        /** Register the indicator (it is never part of the readiness group unless you add it). */
        private boolean enabled = true;
        /** How long a result is reused before the API is asked again. */
        private Duration cacheTtl = Duration.ofSeconds(30);
        /** How long a health request waits for a fresh check before answering with the last known state. */
        private Duration timeout = Duration.ofSeconds(2);

        /** @return the value of {@code enabled} */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled the new value of {@code enabled} */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the value of {@code cache-ttl} */
        public Duration getCacheTtl() {
            return cacheTtl;
        }

        /** @param cacheTtl the new value of {@code cache-ttl} */
        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        /** @return the value of {@code timeout} */
        public Duration getTimeout() {
            return timeout;
        }

        /** @param timeout the new value of {@code timeout} */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** {@code pdpkit.metrics.*}: Micrometer meters, when a MeterRegistry bean exists. */
    public static class Metrics {
        /** Creates the settings with their defaults. */
        public Metrics() {
        }

        /** Record pdpkit.client.* and pdpkit.oauth.* meters. */
        private boolean enabled = true;

        /** @return the value of {@code enabled} */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled the new value of {@code enabled} */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code pdpkit.jdbc.*}: the JDBC token store and claim stores (pdpkit-jdbc) on the application's DataSource. */
    public static class Jdbc {
        /** Creates the pdpkit tables if they are missing (else adopt the schema file with Flyway or Liquibase). */
        private boolean initializeSchema;
        /** Longest wait for a token row's refresh lock. */
        private Duration lockTimeout = Duration.ofSeconds(15);
        /** Id of the AES key below, stored with every encrypted value (key rotation). */
        private String encryptionKeyId;
        /** Base64 AES key (128, 192 or 256 bits) that encrypts tokens and pending claims at rest; none: clear text. */
        private String encryptionKey;

        /** Creates the settings with their defaults. */
        public Jdbc() {
        }

        /** @return the value of {@code initialize-schema} */
        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        /** @param initializeSchema the new value of {@code initialize-schema} */
        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        /** @return the value of {@code lock-timeout} */
        public Duration getLockTimeout() {
            return lockTimeout;
        }

        /** @param lockTimeout the new value of {@code lock-timeout} */
        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }

        /** @return the value of {@code encryption-key-id} */
        public String getEncryptionKeyId() {
            return encryptionKeyId;
        }

        /** @param encryptionKeyId the new value of {@code encryption-key-id} */
        public void setEncryptionKeyId(String encryptionKeyId) {
            this.encryptionKeyId = encryptionKeyId;
        }

        /** @return the value of {@code encryption-key} */
        public String getEncryptionKey() {
            return encryptionKey;
        }

        /** @param encryptionKey the new value of {@code encryption-key} */
        public void setEncryptionKey(String encryptionKey) {
            this.encryptionKey = encryptionKey;
        }

        @Override
        public String toString() {
            return "Jdbc{initializeSchema=" + initializeSchema + ", lockTimeout=" + lockTimeout + ", encryptionKey="
                    + (encryptionKey == null ? "none" : "***") + "}";
        }
    }
}
