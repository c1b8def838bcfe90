package dev.pdpkit.emulator.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The redirect URI rule of the real server: exact match, except that a loopback URI matches on any port. */
final class RedirectUris {
    private RedirectUris() {
    }

    static boolean allowed(List<String> registered, String requested) {
        URI req;
        try {
            req = new URI(requested);
        } catch (Exception e) {
            return false;
        }
        if (!req.isAbsolute() || req.getFragment() != null) {
            return false;
        }
        for (String candidate : registered) {
            if (candidate.equals(requested)) {
                return true;
            }
            URI reg = URI.create(candidate);
            if (isLoopback(reg) && isLoopback(req)
                    && "http".equals(req.getScheme())
                    && "http".equals(reg.getScheme())
                    && reg.getHost().equalsIgnoreCase(req.getHost())
                    && Objects.equals(emptyToSlash(reg.getRawPath()), emptyToSlash(req.getRawPath()))
                    && Objects.equals(reg.getRawQuery(), req.getRawQuery())) {
                return true;
            }
        }
        return false;
    }

    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost");
    }

    private static String emptyToSlash(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }
}
