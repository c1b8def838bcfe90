package dev.pdpkit.transport.vertx.internal;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Turns an attempt's absolute URL into Vert.x request options without {@code java.net.URL}: the client sends every
 * call to the same few bases, already encoded.
 */
final class Targets {
    private Targets() {
    }

    /**
     * @param method the HTTP method, upper case
     * @param url an absolute {@code http} or {@code https} URL
     * @return options naming method, host, port, TLS and the path with its query
     * @throws IllegalArgumentException if the URL is not absolute http(s)
     */
    static RequestOptions of(String method, String url) {
        boolean ssl;
        int hostStart;
        if (url.regionMatches(true, 0, "https://", 0, 8)) {
            ssl = true;
            hostStart = 8;
        } else if (url.regionMatches(true, 0, "http://", 0, 7)) {
            ssl = false;
            hostStart = 7;
        } else {
            throw new IllegalArgumentException("not an absolute http(s) URL");
        }
        int pathStart = firstOf(url, hostStart, '/', '?');
        String authority = url.substring(hostStart, pathStart);
        int colon = authority.lastIndexOf(':');
        String host = authority;
        int port = ssl ? 443 : 80;
        if (colon > authority.lastIndexOf(']')) { // a colon inside [...] belongs to an IPv6 address
            host = authority.substring(0, colon);
            port = Integer.parseInt(authority.substring(colon + 1));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String uri = pathStart == url.length() ? "/" : url.charAt(pathStart) == '?' ? "/" + url.substring(pathStart)
                : url.substring(pathStart);
        return new RequestOptions().setMethod(HttpMethod.valueOf(method)).setHost(host).setPort(port).setSsl(ssl)
                .setURI(uri);
    }

    private static int firstOf(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return s.length();
    }
}
