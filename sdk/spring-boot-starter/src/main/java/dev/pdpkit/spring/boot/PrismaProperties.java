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

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getServiceToken() {
        return serviceToken;
    }

    public void setServiceToken(String serviceToken) {
        this.serviceToken = serviceToken;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public boolean isLogBodies() {
        return logBodies;
    }

    public void setLogBodies(boolean logBodies) {
        this.logBodies = logBodies;
    }

    public OAuth getOauth() {
        return oauth;
    }

    public Claim getClaim() {
        return claim;
    }

    public Health getHealth() {
        return health;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    @Override
    public String toString() {
        return "PrismaProperties{baseUrl=" + baseUrl + ", serviceToken=" + (serviceToken == null ? "none" : "***")
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", oauth=" + oauth + "}";
    }

    /** Where a PrismaOAuth keeps the user's tokens. */
    public enum TokenStoreType {
        /** In this process only (the default). */
        MEMORY,
        /** A JSON file guarded by an OS lock: shared by the processes of one host ({@code pdpkit.oauth.token-file}). */
        FILE
    }

    /** {@code pdpkit.oauth.*}: the OAuth application; PrismaOAuth and ClaimFlow beans exist when client-id is set. */
    public static class OAuth {
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

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public String getRedirectUri() {
            return redirectUri;
        }

        public void setRedirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
        }

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public TokenStoreType getTokenStore() {
            return tokenStore;
        }

        public void setTokenStore(TokenStoreType tokenStore) {
            this.tokenStore = tokenStore;
        }

        public Path getTokenFile() {
            return tokenFile;
        }

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
        /** How long a started claim can be completed. */
        private Duration lifetime = Duration.ofMinutes(15);

        public Duration getLifetime() {
            return lifetime;
        }

        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    /** {@code pdpkit.health.*}: the Actuator health indicator ("prisma"). */
    public static class Health {
        /** Register the indicator (it is never part of the readiness group unless you add it). */
        private boolean enabled = true;
        /** How long a result is reused before the API is asked again. */
        private Duration cacheTtl = Duration.ofSeconds(30);
        /** How long a health request waits for a fresh check before answering with the last known state. */
        private Duration timeout = Duration.ofSeconds(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** {@code pdpkit.metrics.*}: Micrometer meters, when a MeterRegistry bean exists. */
    public static class Metrics {
        /** Record pdpkit.client.* and pdpkit.oauth.* meters. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
