package dev.pdpkit.examples.claim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.auth.ApprovalMode;
import dev.pdpkit.oauth.claim.ClaimFlow;
import dev.pdpkit.oauth.claim.ClaimResult;
import dev.pdpkit.oauth.claim.InMemoryPendingClaimStore;
import dev.pdpkit.oauth.claim.PendingClaim;
import dev.pdpkit.oauth.claim.PendingClaimStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partner's claim page, on the JDK's HTTP server: it shows the databases the partner provisioned, each with a
 * "Claim it" button; the button starts {@link ClaimFlow} and sends the browser to Prisma's authorization page; the
 * callback completes the claim and the result page explains the outcome in plain words.
 *
 * <pre>
 * mvn -B -q -Pclaim-app -pl examples -am verify -DskipTests             # then open http://127.0.0.1:8080/
 * </pre>
 *
 * <p>Without {@code PRISMA_SERVICE_TOKEN} it starts the emulator in-process (consent page on, so you pick a
 * workspace and approve or deny like on Prisma's page) and provisions one database to claim. Against Prisma set
 * {@code PRISMA_SERVICE_TOKEN}, {@code PRISMA_CLIENT_ID}, {@code PRISMA_CLIENT_SECRET}, {@code PRISMA_REDIRECT_URI}
 * (the registered callback, ending in {@code /callback}, for example {@code https://partner.example/callback}) and
 * pass {@code --project ID} (repeatable) or {@code --provision}. Options: {@code --port N} (default 8080),
 * {@code --host ADDRESS} (default 127.0.0.1).
 *
 * <p>What it does on purpose: the project to claim is checked against the partner's own list, never taken from the
 * browser as is; the pending claim stays on the server, under a random key in an {@code HttpOnly; SameSite=Lax}
 * cookie; the callback redirects to a result page so the code leaves the address bar; no token, code or upstream
 * response text appears in a URL or a page; {@code Referrer-Policy: same-origin} keeps the callback URL out of
 * cross-site Referer headers; "Claim it" is a POST whose {@code Origin} must be this site.
 */
public final class ClaimApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimApp.class);
    static final String COOKIE = "pdpkit_claim";
    static final String CALLBACK_PATH = "/callback";
    private static final Duration CLAIM_LIFETIME = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrismaManagement partner;
    private final ClaimFlow flow;
    private final PendingClaimStore pending = new InMemoryPendingClaimStore();
    private final Map<String, Shown> results = new ConcurrentHashMap<>();
    private final List<String> offered;
    private final String baseUrl;
    private final boolean secureCookies;
    private final String ownOrigin;
    private final PrismaEmulator ownedEmulator;

    /** Settings for {@link #start(Settings)}. */
    public static final class Settings {
        String host = "127.0.0.1";
        int port = 8080;
        String apiUrl;
        String serviceToken;
        String clientId;
        String clientSecret;
        String issuer;
        /** Null: {@code http://<host>:<port>/callback}. */
        String redirectUri;
        final List<String> projectIds = new ArrayList<>();
        boolean provision;
        PrismaEmulator ownedEmulator;

        /** @return settings for an emulator (consent page, partner client, partner token), provisioning one database */
        public static Settings forEmulator(PrismaEmulator emulator, int port) {
            Settings s = new Settings();
            s.port = port;
            s.apiUrl = emulator.baseUrl();
            s.serviceToken = emulator.partnerServiceToken();
            s.clientId = emulator.partnerClient().clientId();
            s.clientSecret = emulator.partnerClient().clientSecret();
            s.issuer = emulator.issuerUrl();
            s.provision = true;
            return s;
        }
    }

    private ClaimApp(Settings s) throws IOException {
        this.ownedEmulator = s.ownedEmulator;
        this.server = HttpServer.create(new InetSocketAddress(s.host, s.port), 0);
        int port = server.getAddress().getPort();
        this.baseUrl = "http://" + s.host + ":" + port;
        String redirect = s.redirectUri != null ? s.redirectUri : baseUrl + CALLBACK_PATH;
        this.secureCookies = redirect.startsWith("https:");
        this.partner = PrismaManagement.builder().baseUrl(s.apiUrl).serviceToken(s.serviceToken).build();
        ClaimFlow.Builder fb = ClaimFlow.builder()
                .clientId(s.clientId)
                .clientSecret(s.clientSecret)
                .redirectUri(redirect)
                .partnerClient(partner)
                .claimLifetime(CLAIM_LIFETIME);
        if (s.issuer != null) {
            fb.issuer(s.issuer);
        }
        this.flow = fb.build();
        URI redirectParsed = URI.create(redirect);
        this.ownOrigin = redirectParsed.getScheme() + "://" + redirectParsed.getRawAuthority();
        List<String> ids = new ArrayList<>(s.projectIds);
        if (s.provision) {
            Project p = partner.projects().get(partner.projects().create(ProjectCreateParams.builder()
                    .name("Your database from Example Partner").build()).id());
            ids.add(p.id());
        }
        this.offered = List.copyOf(ids);
        server.createContext("/", this::route);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "claim-app-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts the application.
     *
     * @param settings where to listen and which Prisma (or emulator) to talk to
     * @return the running application
     */
    public static ClaimApp start(Settings settings) {
        try {
            return new ClaimApp(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the application's address, for example {@code http://127.0.0.1:8080} */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the projects the page offers */
    public List<String> offeredProjects() {
        return offered;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        partner.close();
        if (ownedEmulator != null) {
            ownedEmulator.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ routes

    private void route(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/") && method.equals("GET")) {
                home(ex);
            } else if (path.equals("/claim") && method.equals("POST")) {
                startClaim(ex);
            } else if (path.equals(CALLBACK_PATH) && method.equals("GET")) {
                callback(ex);
            } else if (path.equals("/result") && method.equals("GET")) {
                result(ex);
            } else {
                send(ex, 404, ClaimPages.page("Not found", "<p>There is nothing at this address.</p>"
                        + "<p><a href=\"/\">Back to your databases</a></p>"));
            }
        } catch (RuntimeException e) {
            LOG.warn("request failed: {}", e.getClass().getSimpleName());
            send(ex, 500, ClaimPages.page("Something went wrong",
                    "<p>The page could not be shown. Please try again.</p><p><a href=\"/\">Back</a></p>"));
        }
    }

    private void home(HttpExchange ex) throws IOException {
        List<ClaimPages.Offer> offers = new ArrayList<>();
        for (String id : offered) {
            try {
                Project p = partner.projects().get(id);
                String region = p.defaultRegion().orElse("");
                offers.add(new ClaimPages.Offer(p.id(), p.name(), region, p.createdAt().toString(), true));
            } catch (NotFoundException e) {
                offers.add(new ClaimPages.Offer(id, null, null, null, false));
            }
        }
        send(ex, 200, ClaimPages.home(offers));
    }

    private void startClaim(HttpExchange ex) throws IOException {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.equals(ownOrigin)) {
            LOG.warn("POST /claim from origin {} refused (expected {})", origin, ownOrigin);
            send(ex, 403, ClaimPages.page("Not allowed", "<p>This form can only be sent from this site.</p>"));
            return;
        }
        Map<String, String> form = parseForm(readBody(ex.getRequestBody()));
        String projectId = form.get("project");
        if (projectId == null || !offered.contains(projectId)) {
            send(ex, 400, ClaimPages.page("Unknown database",
                    "<p>We don't have a database with that id for you.</p><p><a href=\"/\">Back</a></p>"));
            return;
        }
        PendingClaim claim = flow.start(projectId);
        String key = randomKey();
        pending.save(key, claim);
        ex.getResponseHeaders().add("Set-Cookie", cookie(key, CLAIM_LIFETIME));
        redirect(ex, claim.authorizationUrl().toString());
    }

    private void callback(HttpExchange ex) throws IOException {
        String key = cookieValue(ex).orElse(null);
        Optional<PendingClaim> claim = key == null ? Optional.empty() : pending.take(key);
        String callbackUrl = ex.getRequestURI().toString(); // path and raw query
        ClaimPages.Rendered shown;
        try {
            ClaimResult r = flow.complete(callbackUrl, claim.orElse(null));
            shown = ClaimPages.explain(r);
        } catch (PrismaException e) {
            LOG.warn("claim failed: {}", e.getClass().getSimpleName());
            shown = ClaimPages.unavailable();
        }
        if (key == null) {
            key = randomKey();
        }
        results.values().removeIf(s -> s.expiresAt.isBefore(Instant.now()));
        if (results.size() > 10_000) {
            results.clear();
        }
        results.put(key, new Shown(shown, Instant.now().plus(Duration.ofMinutes(10))));
        ex.getResponseHeaders().add("Set-Cookie", cookie(key, Duration.ofMinutes(10)));
        redirect(ex, "/result");
    }

    private void result(HttpExchange ex) throws IOException {
        Shown s = cookieValue(ex).map(results::get).orElse(null);
        if (s == null || s.expiresAt.isBefore(Instant.now())) {
            send(ex, 404, ClaimPages.page("Nothing to show",
                    "<p>There is no recent claim from this browser.</p><p><a href=\"/\">Back to your databases</a></p>"));
            return;
        }
        send(ex, s.page.status(), s.page.html());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A result page kept for the browser that completed the claim. */
    private static final class Shown {
        final ClaimPages.Rendered page;
        final Instant expiresAt;

        Shown(ClaimPages.Rendered page, Instant expiresAt) {
            this.page = page;
            this.expiresAt = expiresAt;
        }
    }

    private String cookie(String value, Duration maxAge) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Lax"
                + (secureCookies ? "; Secure" : "");
    }

    private static Optional<String> cookieValue(HttpExchange ex) {
        List<String> headers = ex.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    String v = p.substring(COOKIE.length() + 1);
                    return v.matches("[A-Za-z0-9_-]{20,100}") ? Optional.of(v) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String randomKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(16 * 1024);
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        securityHeaders(ex);
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(303, -1);
    }

    private static void send(HttpExchange ex, int status, String html) throws IOException {
        securityHeaders(ex);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void securityHeaders(HttpExchange ex) {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Referrer-Policy", "same-origin"); // "no-referrer" would make the form send "Origin: null"
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
    }

    // ------------------------------------------------------------------------------------------------ main

    public static void main(String[] args) throws InterruptedException {
        Settings s;
        try {
            s = parse(args, System.getenv(), System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: ClaimApp [--port N] [--host ADDRESS] [--project ID]... [--provision]");
            System.exit(2);
            return;
        }
        ClaimApp app = start(s);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "claim-app-shutdown"));
        System.out.println("Claim page: " + app.baseUrl() + "/   (Ctrl+C to stop)");
        System.out.println("Databases offered: " + app.offeredProjects());
        System.out.flush();
        stopped.await();
    }

    static Settings parse(String[] args, Map<String, String> env, PrintStream notes) {
        int port = 8080;
        String host = "127.0.0.1";
        List<String> projects = new ArrayList<>();
        boolean provision = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port":
                    port = Integer.parseInt(value(args, ++i));
                    break;
                case "--host":
                    host = value(args, ++i);
                    break;
                case "--project":
                    projects.add(value(args, ++i));
                    break;
                case "--provision":
                    provision = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String token = env.get("PRISMA_SERVICE_TOKEN");
        Settings s;
        if (token == null || token.isBlank()) {
            notes.println("PRISMA_SERVICE_TOKEN is not set: starting an embedded emulator (consent page on).");
            PrismaEmulator emulator = PrismaEmulator.builder().approvalMode(ApprovalMode.CONSENT_PAGE).start();
            s = Settings.forEmulator(emulator, port);
            s.ownedEmulator = emulator;
        } else {
            s = new Settings();
            s.port = port;
            s.apiUrl = env.getOrDefault("PRISMA_API_URL", PrismaManagement.DEFAULT_BASE_URL);
            s.serviceToken = token;
            s.clientId = require(env, "PRISMA_CLIENT_ID");
            s.clientSecret = require(env, "PRISMA_CLIENT_SECRET");
            s.redirectUri = require(env, "PRISMA_REDIRECT_URI");
            if (!URI.create(s.redirectUri).getPath().equals(CALLBACK_PATH)) {
                throw new IllegalArgumentException("PRISMA_REDIRECT_URI must end in " + CALLBACK_PATH);
            }
            s.issuer = env.get("PRISMA_ISSUER");
            s.provision = provision;
            if (projects.isEmpty() && !provision) {
                throw new IllegalArgumentException("give --project ID (a project your service token provisioned)"
                        + " or --provision");
            }
        }
        s.host = host;
        s.projectIds.addAll(projects);
        return s;
    }

    private static String require(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required with PRISMA_SERVICE_TOKEN");
        }
        return v;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
