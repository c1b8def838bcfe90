package dev.pdpkit.oauth;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pdpkit.client.errors.PrismaException;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A login in progress that waits for the browser to come back to {@code http://127.0.0.1:<port><path>}.
 *
 * <p>The listener binds the loopback address only. A request whose {@code state} does not match this login is
 * answered with an error page and ignored, so a stray or malicious local request cannot end the login; the first
 * matching callback is completed with {@link PrismaOAuth#completeLogin} and the browser gets a short success or
 * failure page. The listener stops when the login ends, times out, is cancelled or closed.
 */
public final class LoopbackLogin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackLogin.class);

    private final PrismaOAuth oauth;
    private final LoopbackOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final PendingLogin pending;
    private final CompletableFuture<OAuthTokens> result = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private LoopbackLogin(PrismaOAuth oauth, LoopbackOptions options, HttpServer server, ExecutorService executor,
                          PendingLogin pending) {
        this.oauth = oauth;
        this.options = options;
        this.server = server;
        this.executor = executor;
        this.pending = pending;
    }

    static LoopbackLogin start(PrismaOAuth oauth, LoopbackOptions options, List<String> defaultScopes) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 8);
        } catch (IOException e) {
            throw new LoopbackLoginException(LoopbackLoginException.Reason.LISTENER_FAILED,
                    "cannot listen on 127.0.0.1:" + options.port(), e);
        }
        URI redirect = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + options.path());
        PendingLogin pending;
        try {
            pending = oauth.startLogin(redirect, options.scopes() != null ? options.scopes() : defaultScopes,
                    options.extraParams());
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pdpkit-oauth-loopback");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        LoopbackLogin login = new LoopbackLogin(oauth, options, server, executor, pending);
        server.createContext(options.path(), login::handle);
        server.start();
        login.announce();
        return login;
    }

    /** @return the URL the user must open */
    public URI authorizationUrl() {
        return pending.authorizationUrl();
    }

    /** @return the loopback redirect URI, {@code http://127.0.0.1:<port><path>} */
    public URI redirectUri() {
        return pending.redirectUri();
    }

    /**
     * Waits for the callback, at most the configured timeout, then stops the listener.
     *
     * @return the saved tokens
     * @throws LoopbackLoginException on timeout, on {@link #cancel()}, or if the waiting thread is interrupted (the
     *     interrupt flag is restored)
     * @throws OAuthException for the failures {@link PrismaOAuth#completeLogin} reports (for example the user
     *     denied access)
     */
    public OAuthTokens await() {
        try {
            return result.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LoopbackLoginException(LoopbackLoginException.Reason.TIMEOUT,
                    "no login callback within " + options.timeout(), null);
        } catch (CancellationException e) {
            throw new LoopbackLoginException(LoopbackLoginException.Reason.CANCELLED, "login cancelled", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopbackLoginException(LoopbackLoginException.Reason.CANCELLED, "login interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new OAuthException("login failed", cause);
        } finally {
            stop();
        }
    }

    /** Ends the login: a thread in {@link #await()} gets {@link LoopbackLoginException.Reason#CANCELLED}. */
    public void cancel() {
        result.cancel(false);
        stop();
    }

    /** Same as {@link #cancel()} if the login has not finished; otherwise only makes sure the listener stopped. */
    @Override
    public void close() {
        cancel();
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void announce() {
        URI url = pending.authorizationUrl();
        options.output().println("To sign in, open this URL in your browser:");
        options.output().println("  " + url);
        options.output().flush();
        if (!options.openBrowser()) {
            return;
        }
        if (options.browser() != null) {
            try {
                options.browser().accept(url);
            } catch (RuntimeException e) {
                LOG.warn("could not open the browser: {}", e.toString());
            }
            return;
        }
        openSystemBrowser(url);
    }

    private static void openSystemBrowser(URI url) {
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(url);
            }
        } catch (IOException | RuntimeException | LinkageError | InternalError e) {
            // Some desktops report BROWSE support and then fail; the printed URL is the fallback.
            LOG.debug("could not open the system browser", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equalsIgnoreCase(exchange.getRequestMethod())
                    || !options.path().equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "Not found", "This address only receives the sign-in redirect.");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> params = URLUtils.parseParameters(query == null ? "" : query);
            List<String> state = params.get("state");
            // Ignore requests that do not belong to this login, so they cannot end it.
            if (state == null || state.size() != 1 || !MessageDigest.isEqual(
                    state.get(0).getBytes(StandardCharsets.UTF_8), pending.state().getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 400, "Unexpected request", "This request does not belong to the sign-in in "
                        + "progress. Return to the application and try again if needed.");
                return;
            }
            if (!claimed.compareAndSet(false, true) || result.isDone()) {
                respond(exchange, 409, "Already handled", "This sign-in has already been handled. You can close "
                        + "this tab.");
                return;
            }
            String callback = pending.redirectUri() + (query == null ? "" : "?" + query);
            try {
                OAuthTokens tokens = oauth.completeLogin(callback, pending);
                respond(exchange, 200, "Signed in", "You are signed in. You can close this tab and return to the "
                        + "application.");
                result.complete(tokens);
            } catch (PrismaException e) {
                String reason = e instanceof AuthorizationErrorException && ((AuthorizationErrorException) e)
                        .accessDenied() ? "Access was denied." : "The sign-in could not be completed.";
                respond(exchange, 400, "Sign-in failed", reason + " Return to the application for details.");
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                respond(exchange, 500, "Sign-in failed", "The sign-in could not be completed.");
                result.completeExceptionally(e);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String title, String message) throws IOException {
        // Fixed texts only: nothing from the request is echoed into the page.
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>" + message + "</p></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public String toString() {
        return "LoopbackLogin[redirectUri=" + pending.redirectUri() + ", done=" + result.isDone() + "]";
    }
}
