package dev.pdpkit.emulator.internal.http;

/** Turns a failure the server detects itself (bad request line, slow client, ...) into an answer. */
@FunctionalInterface
public interface ErrorRenderer {
    /**
     * @param path the decoded request path, or null when the request target could not be parsed
     * @param failure what went wrong
     * @return the answer
     */
    HttpResponse render(String path, HttpFailure failure);
}
