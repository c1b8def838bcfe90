package dev.pdpkit.client.internal.http;

import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.http.HttpResponse;

/**
 * The whole call below the generated services: retries, circuit breaker, rate limit, credentials, logging, status
 * mapping and the {@link dev.pdpkit.client.http.HttpTransport}. Not to be confused with that public, per-attempt seam.
 */
public interface Transport {

    /**
     * Sends a request and returns its successful response, or throws.
     *
     * @param request the request
     * @param options per-call options, already merged with the client's defaults by the caller or not
     * @return the 2xx exchange with its body read
     * @throws dev.pdpkit.client.errors.PrismaApiException for an error status
     * @throws dev.pdpkit.client.errors.PrismaNetworkException when no usable response arrived
     */
    HttpResponse send(ApiRequest request, RequestOptions options);
}
