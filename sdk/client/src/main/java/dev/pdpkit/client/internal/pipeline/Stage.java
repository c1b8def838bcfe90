package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.http.HttpResponse;

/** One step of the per-attempt pipeline: credentials, logging, the HTTP exchange. */
@FunctionalInterface
public interface Stage {

    /**
     * Carries out one attempt.
     *
     * @param attempt the attempt
     * @return the successful exchange
     * @throws dev.pdpkit.client.errors.PrismaException on any failure
     */
    HttpResponse send(Attempt attempt);
}
