package dev.pdpkit.transport.vertx;

import dev.pdpkit.client.http.HttpTransport;

/** The Vert.x transport, with its own Vert.x instance and client, passes the transport conformance suite. */
class VertxTransportConformanceTest extends HttpTransportConformanceTest {
    @Override
    HttpTransport newTransport() {
        return VertxTransport.create();
    }
}
