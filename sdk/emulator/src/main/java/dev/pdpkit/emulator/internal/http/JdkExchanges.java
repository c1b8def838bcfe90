package dev.pdpkit.emulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one of our handlers inside the JDK's {@code HttpServer}, for callers that mount the authorization server on a
 * server of their own.
 */
public final class JdkExchanges {
    private JdkExchanges() {
    }

    /** @return a JDK handler that adapts each exchange to {@code handler} */
    public static com.sun.net.httpserver.HttpHandler adapt(HttpHandler handler, ErrorRenderer errors) {
        return exchange -> {
            try {
                HttpRequest request = toRequest(exchange);
                HttpResponse response;
                try {
                    response = handler.handle(request);
                } catch (HttpFailure f) {
                    response = errors.render(request.path(), f);
                }
                if (!response.isDrop()) {
                    send(exchange, response);
                }
            } finally {
                exchange.close();
            }
        };
    }

    private static HttpRequest toRequest(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.computeIfAbsent(k.toLowerCase(Locale.ROOT),
                x -> new ArrayList<>()).addAll(v));
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = length == null ? -1 : parse(length);
        HttpRequest.BodySource body = new HttpRequest.BodySource() {
            @Override
            public long declaredLength() {
                return declared;
            }

            @Override
            public byte[] read(int maxBytes) throws IOException, HttpFailure {
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] bytes = in.readNBytes(maxBytes + 1);
                    if (bytes.length > maxBytes) {
                        throw HttpRequest.tooLarge(maxBytes);
                    }
                    return bytes;
                }
            }
        };
        return new HttpRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, HttpResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
