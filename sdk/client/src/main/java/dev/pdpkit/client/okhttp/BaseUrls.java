package dev.pdpkit.client.okhttp;

import okhttp3.HttpUrl;

/**
 * Turns the client's URL strings into OkHttp's {@link HttpUrl}. Every URL of a client starts with the same scheme
 * and authority, whose parse (host canonicalisation, IDN checks) costs more than the rest of the URL; the last origin
 * is kept parsed and the rest of each URL is resolved against it, which gives the same {@code HttpUrl} as a full parse.
 */
final class BaseUrls {
    private volatile Origin last;

    /**
     * @param url an absolute http or https URL
     * @return its parse
     * @throws IllegalArgumentException if it is not a valid http or https URL
     */
    HttpUrl parse(String url) {
        Origin o = last;
        if (o != null && o.matches(url)) {
            HttpUrl resolved = o.url.resolve(url.substring(o.prefix.length()));
            if (resolved != null) {
                return resolved;
            }
        }
        HttpUrl parsed = HttpUrl.get(url);
        last = Origin.of(url);
        return parsed;
    }

    /** A scheme and authority as written ({@code http://127.0.0.1:8080}) and its parse with a root path. */
    private static final class Origin {
        final String prefix;
        final HttpUrl url;

        private Origin(String prefix, HttpUrl url) {
            this.prefix = prefix;
            this.url = url;
        }

        /** @return the origin of an absolute URL, or null when its text is not in canonical form (then never kept) */
        static Origin of(String url) {
            int authority = url.indexOf("://");
            int path = authority < 0 ? -1 : url.indexOf('/', authority + 3);
            if (path < 0) {
                return null;
            }
            String prefix = url.substring(0, path);
            for (int i = authority + 3; i < prefix.length(); i++) {
                char c = prefix.charAt(i);
                if (c == '\\' || c == '?' || c == '#' || c == '@' || c == '%' || c > 0x7e || c < 0x21) {
                    return null; // only plain host:port origins are kept; anything else is parsed in full
                }
            }
            HttpUrl root = HttpUrl.parse(prefix + "/");
            // Kept only when OkHttp reads the origin back exactly as written (lower-case host, no default port), so
            // that resolving against it cannot differ from parsing the whole URL.
            return root != null && root.toString().equals(prefix + "/") ? new Origin(prefix, root) : null;
        }

        /** A rest starting with two slashes (or a slash and a backslash) would be read as another authority. */
        boolean matches(String url) {
            int p = prefix.length();
            return url.length() > p + 1 && url.startsWith(prefix) && url.charAt(p) == '/'
                    && url.charAt(p + 1) != '/' && url.charAt(p + 1) != '\\';
        }
    }
}
