package dev.pdpkit.emulator.internal.http;

import java.io.IOException;

/** Answers one request. Runs on the connection's thread; may block. */
@FunctionalInterface
public interface HttpHandler {
    /**
     * @param request the request; its body is read only if the handler asks for it
     * @return the answer, or {@link HttpResponse#drop()} to close the connection unanswered
     * @throws IOException if the connection fails while reading the body
     * @throws HttpFailure if the body cannot be read (too large, malformed framing, too slow)
     */
    HttpResponse handle(HttpRequest request) throws IOException, HttpFailure;
}
