package dev.pdpkit.emulator;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import dev.pdpkit.emulator.api.ApiStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * Puts the {@link Faults} script in front of the authorization server's endpoints ({@code /token}, {@code /authorize},
 * ...). The auth half mounts its handlers itself; it is handed a {@link HttpServer} whose
 * {@code createContext(path, handler)} wraps each handler. Fault answers there use the OAuth error shape
 * {@code {"error","error_description"}}.
 */
final class AuthEndpointFaults {
    private AuthEndpointFaults() {
    }

    /** A server that delegates everything and wraps the handlers it is given. */
    static HttpServer wrapping(HttpServer server, Faults faults, ApiStats stats) {
        return new HttpServer() {
            @Override
            public void bind(InetSocketAddress addr, int backlog) throws IOException {
                server.bind(addr, backlog);
            }

            @Override
            public void start() {
                server.start();
            }

            @Override
            public void setExecutor(Executor executor) {
                server.setExecutor(executor);
            }

            @Override
            public Executor getExecutor() {
                return server.getExecutor();
            }

            @Override
            public void stop(int delay) {
                server.stop(delay);
            }

            @Override
            public HttpContext createContext(String path, HttpHandler handler) {
                return server.createContext(path, wrap(handler, faults, stats));
            }

            @Override
            public HttpContext createContext(String path) {
                HttpContext context = server.createContext(path);
                context.getFilters().add(new Filter() {
                    @Override
                    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                        wrap(chain::doFilter, faults, stats).handle(exchange);
                    }

                    @Override
                    public String description() {
                        return "emulator faults";
                    }
                });
                return context;
            }

            @Override
            public void removeContext(String path) {
                server.removeContext(path);
            }

            @Override
            public void removeContext(HttpContext context) {
                server.removeContext(context);
            }

            @Override
            public InetSocketAddress getAddress() {
                return server.getAddress();
            }
        };
    }

    static HttpHandler wrap(HttpHandler inner, Faults faults, ApiStats stats) {
        return exchange -> {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            FaultRule fault = faults.pick(method, path, null);
            if (fault != null) {
                stats.event(ApiStats.FAULTS_INJECTED);
                if (!fault.delay().isZero()) {
                    try {
                        Thread.sleep(fault.delay().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        exchange.close();
                        return;
                    }
                }
                switch (fault.action()) {
                    case DROP_CONNECTION:
                        exchange.close();
                        return;
                    case RESPOND:
                        respond(exchange, fault);
                        return;
                    case DROP_RESPONSE:
                        inner.handle(new MutedExchange(exchange));
                        exchange.close();
                        return;
                    default:
                        break;
                }
            }
            Duration wait = faults.rateLimited(method, path, null, System.nanoTime());
            if (wait != null) {
                stats.event(ApiStats.FAULTS_INJECTED);
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
                send(exchange, 429, "{\"error\":\"temporarily_unavailable\",\"error_description\":"
                        + "\"too many requests\"}");
                return;
            }
            inner.handle(exchange);
        };
    }

    private static void respond(HttpExchange exchange, FaultRule fault) throws IOException {
        fault.headers().forEach(exchange.getResponseHeaders()::set);
        if (fault.retryAfterValue() != null) {
            long ms = fault.retryAfterValue().toMillis();
            exchange.getResponseHeaders().set("Retry-After", Long.toString(Math.max(0, (ms + 999) / 1000)));
        }
        String body = fault.body() != null ? fault.body()
                : "{\"error\":\"" + (fault.status() >= 500 ? "temporarily_unavailable" : "invalid_request")
                        + "\",\"error_description\":\"injected fault: HTTP " + fault.status() + "\"}";
        send(exchange, fault.status(), body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An exchange whose answer goes nowhere: the handler runs, then the caller closes the connection unanswered. */
    private static final class MutedExchange extends HttpExchange {
        private final HttpExchange real;
        private final Headers responseHeaders = new Headers();
        private int code = -1;

        MutedExchange(HttpExchange real) {
            this.real = real;
        }

        @Override
        public Headers getRequestHeaders() {
            return real.getRequestHeaders();
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return real.getRequestURI();
        }

        @Override
        public String getRequestMethod() {
            return real.getRequestMethod();
        }

        @Override
        public HttpContext getHttpContext() {
            return real.getHttpContext();
        }

        @Override
        public void close() {
            // the real exchange is closed by the fault wrapper, without an answer
        }

        @Override
        public InputStream getRequestBody() {
            return real.getRequestBody();
        }

        @Override
        public OutputStream getResponseBody() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void sendResponseHeaders(int rCode, long responseLength) {
            this.code = rCode;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return real.getRemoteAddress();
        }

        @Override
        public int getResponseCode() {
            return code;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return real.getLocalAddress();
        }

        @Override
        public String getProtocol() {
            return real.getProtocol();
        }

        @Override
        public Object getAttribute(String name) {
            return real.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            real.setAttribute(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            real.setStreams(i, o);
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return real.getPrincipal();
        }
    }

}
