/**
 * A non-blocking {@link dev.pdpkit.client.http.HttpTransport} on Vert.x core 5: {@link
 * dev.pdpkit.transport.vertx.VertxTransport}.
 */
package dev.pdpkit.transport.vertx;
