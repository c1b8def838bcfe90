package dev.pdpkit.emulator.internal.http;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Sends each request to the handler of its exact path, else of its path prefix, else to the fallback. */
public final class Router implements HttpHandler {
    private final Map<String, HttpHandler> exact = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> prefixes = new ConcurrentHashMap<>();
    private final HttpHandler fallback;

    /** @param fallback answers paths nobody claimed */
    public Router(HttpHandler fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /**
     * @param path an exact path
     * @param handler its handler
     * @throws IllegalArgumentException if the path is taken
     */
    public void exact(String path, HttpHandler handler) {
        if (exact.putIfAbsent(path, handler) != null) {
            throw new IllegalArgumentException("already mounted: " + path);
        }
    }

    /** @param prefix a path prefix such as {@code /v1}: itself and everything below it */
    public void prefix(String prefix, HttpHandler handler) {
        if (prefixes.putIfAbsent(prefix, handler) != null) {
            throw new IllegalArgumentException("already mounted: " + prefix);
        }
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws IOException, HttpFailure {
        String path = request.path();
        HttpHandler h = exact.get(path);
        if (h == null) {
            for (Map.Entry<String, HttpHandler> e : prefixes.entrySet()) {
                if (path.equals(e.getKey()) || path.startsWith(e.getKey() + "/")) {
                    h = e.getValue();
                    break;
                }
            }
        }
        return (h == null ? fallback : h).handle(request);
    }
}
