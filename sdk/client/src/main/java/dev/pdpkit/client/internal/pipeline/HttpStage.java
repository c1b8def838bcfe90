package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.http.HttpRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.http.HttpTransport;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.internal.http.ErrorBodies;
import dev.pdpkit.client.internal.json.Json;
import java.time.Clock;
import dev.pdpkit.client.core.HttpHeaders;
import java.util.Map;

/**
 * The last stage: turns the attempt into an {@link HttpRequest}, hands it to the {@link HttpTransport}, and maps the
 * status: a 2xx response is returned, anything else becomes the {@code PrismaApiException} of its status. The
 * transport never decides what a status means.
 */
public final class HttpStage implements Stage {
    private final HttpTransport transport;
    private final String baseUrl;
    /** The client's own headers, names distinct without regard to case. */
    private final HttpHeaders clientHeaders;
    private final boolean reservedInClientHeaders;
    private final Clock clock;

    /**
     * @param transport the transport
     * @param baseUrl the API base without a trailing slash, such as {@code https://api.prisma.io}
     * @param defaultHeaders headers sent with every request (User-Agent, custom headers)
     * @param clock for {@code Retry-After} dates
     */
    public HttpStage(HttpTransport transport, String baseUrl, Map<String, String> defaultHeaders, Clock clock) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        HttpHeaders.Builder distinct = HttpHeaders.builder();
        defaultHeaders.forEach(distinct::set);
        this.clientHeaders = distinct.build();
        this.reservedInClientHeaders = clientHeaders.first("Authorization").isPresent()
                || clientHeaders.first("Accept").isPresent();
        this.clock = clock;
    }

    @Override
    public HttpResponse send(Attempt attempt) {
        return checkStatus(transport.send(request(attempt)));
    }

    /**
     * Builds the transport request for an attempt.
     *
     * @param attempt the attempt
     * @return the request
     * @throws PrismaTimeoutException when the call's budget is already spent (nothing is sent)
     */
    HttpRequest request(Attempt attempt) {
        ApiRequest req = attempt.request();
        if (attempt.timeout().isZero() || attempt.timeout().isNegative()) {
            throw new PrismaTimeoutException("the call's time budget ran out before " + req.operationId()
                    + " could be sent", null, false);
        }
        HttpHeaders.Builder headers = HttpHeaders.builder();
        clientHeaders.forEach(headers::add); // already distinct: nothing to replace
        Map<String, String> callHeaders = attempt.options().headers();
        // With no per-call headers and none of these two among the client's, nothing can be replaced: add them.
        boolean replace = reservedInClientHeaders || !callHeaders.isEmpty();
        callHeaders.forEach(headers::set);
        if (attempt.authorization() != null) {
            put(headers, replace, "Authorization", attempt.authorization());
        }
        put(headers, replace, "Accept", "application/json");
        byte[] body = req.body() == null ? null : Json.writeBytes(req.body());
        return HttpRequest.of(req.method(), req.url(baseUrl), headers.build(), body, attempt.timeout());
    }

    private static void put(HttpHeaders.Builder headers, boolean replace, String name, String value) {
        if (replace) {
            headers.set(name, value);
        } else {
            headers.add(name, value);
        }
    }

    HttpResponse checkStatus(HttpResponse response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw ErrorBodies.toException(status, response.headers(), response.body(), clock);
    }

    /** @return the transport, for the asynchronous path */
    HttpTransport transport() {
        return transport;
    }
}
