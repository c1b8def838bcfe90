package dev.pdpkit.oauth.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OAuth endpoints carry codes, refresh tokens and client secrets, so they must use https (RFC 9700 section 2.6);
 * plain http is allowed on loopback only, where nothing crosses a network. Host names other than {@code localhost}
 * are not resolved: a name that resolves to a loopback address still needs https.
 */
public final class SecureEndpoints {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private SecureEndpoints() {
    }

    /**
     * @param endpoint the endpoint, or null (then nothing is checked)
     * @param what what it is, for the message
     * @throws IllegalArgumentException if it is not https and not plain http on loopback
     */
    public static void require(URI endpoint, String what) {
        if (endpoint == null) {
            return;
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && endpoint.getHost() != null) {
            return;
        }
        if (scheme.equals("http") && isLoopback(endpoint.getHost())) {
            return;
        }
        throw new IllegalArgumentException("the " + what + " must be an https URL (plain http only on loopback): "
                + endpoint.getScheme() + "://" + endpoint.getHost());
    }

    /**
     * @param host a host from a URI
     * @return true for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }
}
