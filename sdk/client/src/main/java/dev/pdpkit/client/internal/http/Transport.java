package dev.pdpkit.client.internal.http;

import dev.pdpkit.client.core.RequestOptions;

/**
 * The request pipeline below the generated services: retries, credentials, logging and the HTTP exchange.
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
    HttpExchange send(ApiRequest request, RequestOptions options);
}
