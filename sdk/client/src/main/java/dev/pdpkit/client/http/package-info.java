/**
 * The HTTP seam: {@link dev.pdpkit.client.http.HttpTransport} moves bytes for the client (OkHttp by default, see
 * {@code dev.pdpkit.client.okhttp}), and {@link dev.pdpkit.client.http.AttemptListener} hears about every attempt for
 * metrics and tracing.
 */
package dev.pdpkit.client.http;
