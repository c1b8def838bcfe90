/**
 * Optional protection of the API and of the application, off by default: a circuit breaker
 * ({@link dev.pdpkit.client.resilience.CircuitBreakerOptions}) and a client-side rate limiter, both enabled on
 * {@link dev.pdpkit.client.PrismaManagement.Builder}.
 *
 * <p>Order of the pipeline, outermost first: <b>retry → circuit breaker → rate limiter → credentials → logging →
 * HTTP</b>. The breaker and the limiter sit inside the retry stage, so they see every attempt, not every call: a
 * retried failure counts against the breaker each time, and each attempt takes a permit (the API's own limit counts
 * attempts too). A call refused by an open breaker fails at once with
 * {@link dev.pdpkit.client.resilience.CircuitOpenException}, which the retry stage does not retry. The breaker is
 * outside the limiter, so a refused call never consumes a permit; the limiter is outside the credentials, so waiting
 * for a permit never holds a token that could expire meanwhile.
 */
package dev.pdpkit.client.resilience;
