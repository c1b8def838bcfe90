/** Internals of the Vert.x transport: not API, public only for the transport's own package. */
package dev.pdpkit.transport.vertx.internal;
