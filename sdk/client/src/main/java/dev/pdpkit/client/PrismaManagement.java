package dev.pdpkit.client;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.ServiceCache;
import dev.pdpkit.client.internal.Version;
import dev.pdpkit.client.internal.pipeline.Pipeline;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import dev.pdpkit.client.http.AttemptListener;
import dev.pdpkit.client.http.HttpTransport;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import dev.pdpkit.client.resilience.CircuitBreakerOptions;
import dev.pdpkit.client.resilience.RateLimitOptions;
import dev.pdpkit.client.services.BucketsService;
import dev.pdpkit.client.services.ConnectionsService;
import dev.pdpkit.client.services.DatabasesService;
import dev.pdpkit.client.services.IntegrationsService;
import dev.pdpkit.client.services.MeService;
import dev.pdpkit.client.services.ProjectsService;
import dev.pdpkit.client.services.RegionsService;
import dev.pdpkit.client.services.WorkspacesService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client of the Prisma Data Platform Management API. Thread-safe; create one and share it.
 *
 * <pre>{@code
 * try (PrismaManagement client = PrismaManagement.builder()
 *         .serviceToken(System.getenv("PRISMA_SERVICE_TOKEN"))
 *         .build()) {
 *     Project project = client.projects().create(ProjectCreateParams.builder().name("my-app").build());
 *     for (Project p : client.projects().list().autoPager()) {
 *         System.out.println(p.id() + " " + p.name());
 *     }
 * }
 * }</pre>
 *
 * <p>Every call goes through the same pipeline, outermost first: retries (so each attempt gets a fresh credential),
 * then the optional circuit breaker ({@link Builder#circuitBreaker}) and client-side rate limiter
 * ({@link Builder#rateLimit}), both off by default, then credentials, then logging, then HTTP. Errors are unchecked and
 * rooted at {@link dev.pdpkit.client.errors.PrismaException}.
 *
 * <p>Creates that take a {@code logicalId} have a {@code getOrCreate} ({@code client.projects().getOrCreate(...)}) that
 * is safe to retry and to repeat; {@link dev.pdpkit.client.waiters.Waiters} wait for a database to become ready.
 */
public final class PrismaManagement implements AutoCloseable {
    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.prisma.io";
    /** Environment variable {@link Builder#fromEnv()} reads the service token from. */
    public static final String ENV_SERVICE_TOKEN = "PRISMA_SERVICE_TOKEN";
    /** Environment variable {@link Builder#fromEnv()} reads an alternative base URL from. */
    public static final String ENV_API_URL = "PRISMA_API_URL";

    private final Builder settings;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final Pipeline pipeline;
    private final ClientContext context;

    private final ServiceCache services;
    private volatile PrismaManagementAsync async;

    private PrismaManagement(Builder b) {
        this.settings = b.copy();
        this.ownsTransport = b.transport == null && b.sharedHttp == null;
        this.transport = b.transport != null ? b.transport : ownTransport(b);
        Map<String, String> headers = new LinkedHashMap<>(b.headers);
        headers.put("User-Agent", b.userAgent != null ? b.userAgent : Version.userAgent());
        String base = b.baseUrl.toString();
        this.pipeline = Pipeline.create(new Pipeline.Settings()
                .transport(transport, base.substring(0, base.length() - 1))
                .headers(headers)
                .credentials(b.credentials)
                .retries(b.retryPolicy, b.retryRegistry)
                .time(b.timeout, b.sleeper, b.clock)
                .logBodies(b.logBodies)
                .resilience(b.circuitBreaker, b.rateLimit)
                .registries(b.circuitBreakerRegistry, b.rateLimiterRegistry)
                .listener(b.attemptListener));
        this.context = new ClientContext(pipeline.blocking(), pipeline.async());
        this.services = new ServiceCache(context);
    }

    /** @return a builder with the defaults: production base URL, 60 s per call, 2 retries */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a client that differs from this one in the settings {@code change} makes, sharing its connection pool.
     * Closing the copy does not close this client's HTTP resources.
     *
     * <pre>{@code
     * PrismaManagement patient = client.withOptions(b -> b.timeout(Duration.ofMinutes(5)));
     * }</pre>
     *
     * @param change edits a builder that starts from this client's settings
     * @return the new client
     * @throws IllegalArgumentException or IllegalStateException if the changed settings are invalid
     */
    public PrismaManagement withOptions(Consumer<Builder> change) {
        Builder b = settings.copy();
        if (ownsTransport) {
            // The copy derives its own OkHttp client from this one: same pool and threads, its own timeouts.
            b.sharedHttp = ((OkHttpTransport) transport).client();
        }
        change.accept(b);
        return b.build();
    }

    private static HttpTransport ownTransport(Builder b) {
        if (b.sharedHttp == null) {
            return OkHttpTransport.create(OkHttpTransport.DEFAULT_MAX_IDLE_CONNECTIONS,
                    OkHttpTransport.DEFAULT_KEEP_ALIVE, b.connectTimeout, b.readTimeout, b.writeTimeout);
        }
        return OkHttpTransport.of(b.sharedHttp.newBuilder().connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout).writeTimeout(b.writeTimeout).build());
    }

    /**
     * Returns the non-blocking view of this client: the same services, returning {@code CompletableFuture}s.
     *
     * @return the asynchronous view, sharing this client's pipeline
     */
    public PrismaManagementAsync async() {
        PrismaManagementAsync view = async;
        if (view == null) {
            synchronized (services) {
                view = async;
                if (view == null) {
                    view = new PrismaManagementAsync(context);
                    async = view;
                }
            }
        }
        return view;
    }

    /** @return the current user, workspace and credential type ({@code /v1/me}) */
    public MeService me() {
        return services.get(MeService.class);
    }

    /** @return workspaces, with their service tokens and integrations */
    public WorkspacesService workspaces() {
        return services.get(WorkspacesService.class);
    }

    /** @return projects, with their databases */
    public ProjectsService projects() {
        return services.get(ProjectsService.class);
    }

    /** @return databases, with their connections, backups, restore and usage */
    public DatabasesService databases() {
        return services.get(DatabasesService.class);
    }

    /** @return connections (database API keys and connection strings) */
    public ConnectionsService connections() {
        return services.get(ConnectionsService.class);
    }

    /** @return OAuth integrations granted access */
    public IntegrationsService integrations() {
        return services.get(IntegrationsService.class);
    }

    /** @return available regions */
    public RegionsService regions() {
        return services.get(RegionsService.class);
    }

    /** @return object-store buckets and their keys */
    public BucketsService buckets() {
        return services.get(BucketsService.class);
    }

    /** @return the base URL requests go to */
    public String baseUrl() {
        return settings.baseUrl.toString();
    }

    /** @return the clock the client measures time budgets with (waiters use it too) */
    public Clock clock() {
        return settings.clock;
    }

    /** @return how the client waits between attempts (waiters use it between polls) */
    public Sleeper sleeper() {
        return settings.sleeper;
    }

    /**
     * Releases the resources the client created itself: its own transport and the threads of its asynchronous
     * calls. A transport given to {@link Builder#transport} is left open; the application closes it.
     */
    @Override
    public void close() {
        pipeline.close();
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "PrismaManagement{baseUrl=" + settings.baseUrl + ", credentials=" + settings.credentials.getClass()
                .getSimpleName() + "}";
    }

    /** Builds a {@link PrismaManagement}. Not thread-safe. */
    public static final class Builder {
        private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL + "/");
        private Credentials credentials;
        private HttpTransport transport;
        private OkHttpClient sharedHttp;
        private RetryRegistry retryRegistry;
        private CircuitBreakerRegistry circuitBreakerRegistry;
        private RateLimiterRegistry rateLimiterRegistry;
        private AttemptListener attemptListener;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String userAgent;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private boolean logBodies;
        private CircuitBreakerOptions circuitBreaker;
        private RateLimitOptions rateLimit;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.baseUrl = baseUrl;
            b.credentials = credentials;
            b.transport = transport;
            b.sharedHttp = sharedHttp;
            b.retryRegistry = retryRegistry;
            b.circuitBreakerRegistry = circuitBreakerRegistry;
            b.rateLimiterRegistry = rateLimiterRegistry;
            b.attemptListener = attemptListener;
            b.connectTimeout = connectTimeout;
            b.readTimeout = readTimeout;
            b.writeTimeout = writeTimeout;
            b.timeout = timeout;
            b.retryPolicy = retryPolicy;
            b.userAgent = userAgent;
            b.headers.putAll(headers);
            b.clock = clock;
            b.sleeper = sleeper;
            b.logBodies = logBodies;
            b.circuitBreaker = circuitBreaker;
            b.rateLimit = rateLimit;
            return b;
        }

        /**
         * Reads the service token from {@code PRISMA_SERVICE_TOKEN} and, if set, the base URL from
         * {@code PRISMA_API_URL}.
         *
         * @return this builder
         * @throws IllegalStateException if {@code PRISMA_SERVICE_TOKEN} is not set
         */
        public Builder fromEnv() {
            return fromEnv(System::getenv);
        }

        /**
         * Like {@link #fromEnv()}, reading variables through {@code env} (for tests and custom configuration).
         *
         * @param env looks up a variable, returning null when unset
         * @return this builder
         * @throws IllegalStateException if {@code PRISMA_SERVICE_TOKEN} is not set
         */
        public Builder fromEnv(Function<String, String> env) {
            String token = env.apply(ENV_SERVICE_TOKEN);
            if (token == null || token.isBlank()) {
                throw new IllegalStateException(ENV_SERVICE_TOKEN + " is not set");
            }
            serviceToken(token);
            String url = env.apply(ENV_API_URL);
            if (url != null && !url.isBlank()) {
                baseUrl(url);
            }
            return this;
        }

        /**
         * Sets the API base URL, for example an emulator's. A trailing {@code /v1} is accepted and ignored, since
         * every operation path starts with it.
         *
         * @param url an https URL, or http for a loopback host
         * @return this builder
         * @throws IllegalArgumentException if the URL is malformed, or plain http to a non-loopback host
         */
        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url"));
            if (parsed == null) {
                // The URL itself is left out of the message: it could carry credentials.
                throw new IllegalArgumentException("base URL is not an http(s) URL");
            }
            if (!parsed.isHttps() && !isLoopback(parsed.host())) {
                throw new IllegalArgumentException("refusing plain http to " + parsed.host()
                        + ": tokens would travel unencrypted; use https (plain http is allowed only for loopback)");
            }
            String path = parsed.encodedPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.endsWith("/v1")) {
                path = path.substring(0, path.length() - 3);
            }
            this.baseUrl = parsed.newBuilder().encodedPath(path + "/").query(null).fragment(null).build();
            return this;
        }

        /**
         * Authenticates with a static service token.
         *
         * @param token the token
         * @return this builder
         * @throws IllegalArgumentException if the token is null or blank
         */
        public Builder serviceToken(String token) {
            this.credentials = Credentials.serviceToken(token);
            return this;
        }

        /**
         * Authenticates with any credentials, for example the refreshing OAuth credentials of {@code pdpkit-oauth}.
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Sends requests through this transport, for example {@code OkHttpTransport.of(yourOkHttpClient)} to share
         * your connection pool, proxy and TLS settings, or your own {@link HttpTransport}. The client does not close
         * it. The connect, read and write timeouts of this builder apply only to the transport the client creates
         * when none is given.
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Creates the client's Resilience4j retries in this registry ({@code pdpkit-repeatable} and
         * {@code pdpkit-once}), so that its metrics binding (resilience4j-micrometer) reports them.
         *
         * @param registry the application's registry
         * @return this builder
         */
        public Builder retryRegistry(RetryRegistry registry) {
            this.retryRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Creates the optional circuit breaker ({@code pdpkit}) in this registry, so that its metrics binding reports
         * it. Has an effect only together with {@link #circuitBreaker(CircuitBreakerOptions)}.
         *
         * @param registry the application's registry
         * @return this builder
         */
        public Builder circuitBreakerRegistry(CircuitBreakerRegistry registry) {
            this.circuitBreakerRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Creates the optional rate limiter ({@code pdpkit}) in this registry, so that its metrics binding reports it.
         * Has an effect only together with {@link #rateLimit(RateLimitOptions)}.
         *
         * @param registry the application's registry
         * @return this builder
         */
        public Builder rateLimiterRegistry(RateLimiterRegistry registry) {
            this.rateLimiterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Calls {@code listener} after every attempt of every call (operation, attempt number, status or failure,
         * duration, whether the client retries): the hook for metrics and tracing.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder attemptListener(AttemptListener listener) {
            this.attemptListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param timeout the connect timeout of one attempt
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout the longest silence while reading one response
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * @param timeout the longest stall while writing one request
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return this;
        }

        /**
         * Sets the time budget of a whole call, every attempt and back-off included (default 60 s).
         *
         * @param timeout the budget
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * @param policy how calls are retried
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param maxRetries retries after the first attempt (shortcut for a {@link RetryPolicy})
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
            return this;
        }

        /**
         * Replaces the {@code User-Agent}; the default names this SDK, its version and the Java version.
         *
         * @param userAgent the value
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * Adds a header to every request.
         *
         * @param name the name; {@code Authorization} is refused (credentials set it)
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException for {@code Authorization}
         */
        public Builder header(String name, String value) {
            if ("authorization".equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("set credentials instead of an Authorization header");
            }
            headers.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Logs request and response bodies at DEBUG, with every secret masked. Off by default.
         *
         * @param logBodies true to log bodies
         * @return this builder
         */
        public Builder logBodies(boolean logBodies) {
            this.logBodies = logBodies;
            return this;
        }

        /**
         * Enables the circuit breaker (off by default). It sits inside the retry stage and records every attempt;
         * while it is open, calls fail at once with {@link dev.pdpkit.client.resilience.CircuitOpenException} and
         * are not retried. A copy made with {@link PrismaManagement#withOptions} gets a breaker of its own.
         *
         * @param options the breaker's settings, or null to turn it off
         * @return this builder
         */
        public Builder circuitBreaker(CircuitBreakerOptions options) {
            this.circuitBreaker = options;
            return this;
        }

        /**
         * Enables the client-side rate limiter (off by default): at most {@code permits} attempts (retries included)
         * per {@code period}; an attempt over the limit waits for a permit, up to 5 minutes and within the call's
         * time budget, else fails with {@link dev.pdpkit.client.resilience.RateLimitWaitException}. A copy made with
         * {@link PrismaManagement#withOptions} gets a limiter of its own.
         *
         * @param permits attempts per period, at least 1
         * @param period the period
         * @return this builder
         */
        public Builder rateLimit(int permits, Duration period) {
            return rateLimit(RateLimitOptions.of(permits, period));
        }

        /**
         * Like {@link #rateLimit(int, Duration)} with all settings.
         *
         * @param options the limiter's settings, or null to turn it off
         * @return this builder
         */
        public Builder rateLimit(RateLimitOptions options) {
            this.rateLimit = options;
            return this;
        }

        /**
         * Replaces the clock that measures time budgets and {@code Retry-After} dates (for tests).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Replaces how the client waits between attempts (for tests).
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if no credentials were set
         */
        public PrismaManagement build() {
            if (credentials == null) {
                throw new IllegalStateException(
                        "no credentials: call serviceToken(...), credentials(...) or fromEnv()");
            }
            return new PrismaManagement(this);
        }

        private static Duration positive(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        static boolean isLoopback(String host) {
            if ("localhost".equalsIgnoreCase(host) || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
                return true;
            }
            // Only literal addresses are checked: resolving a name here would be slow and could be spoofed.
            if (host.matches("[0-9.]+") || host.contains(":")) {
                try {
                    return InetAddress.getByName(host).isLoopbackAddress();
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return false;
        }
    }
}
