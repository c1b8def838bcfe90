package dev.pdpkit.oauth.internal;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.pdpkit.oauth.InvalidCallbackException;
import dev.pdpkit.oauth.InvalidCallbackException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one set of checks an authorization response must pass before anything else happens, shared by
 * {@code PrismaOAuth.completeLogin} and {@code ClaimFlow.complete}. In order: the URL parses and repeats no
 * parameter; {@code state} is present and equal to the pending one (constant time), so nothing else in a forged
 * callback is looked at; the callback arrived at the pending redirect URI (scheme, host, port, path); {@code iss}
 * names this issuer, and is present when the server advertises {@code authorization_response_iss_parameter_supported}
 * (RFC 9207 section 2.4); there is a {@code code} or an {@code error}. No message quotes callback text.
 */
public final class CallbackValidator {
    private static final Pattern SAFE_ERROR_CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    /**
     * What the callback must match.
     *
     * @param state the pending login's state
     * @param redirectUri the redirect URI the login was started with
     * @param issuer the expected issuer
     * @param issuerRequired whether a callback without {@code iss} is rejected
     */
    public record Expected(String state, URI redirectUri, String issuer, boolean issuerRequired) {
        public Expected {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(issuer, "issuer");
        }
    }

    /**
     * A callback that passed the checks: either a code or an error. Error text is untrusted: {@code error} is
     * reduced to a safe token, {@code errorDescription} is raw and must be escaped before display.
     *
     * @param code the authorization code, or null when {@code error} is set
     * @param error the error code reduced to {@code [A-Za-z0-9_.-]{1,64}} (else {@code invalid_error_code}), or null
     * @param errorDescription the raw {@code error_description}, or null
     */
    public record Callback(String code, String error, String errorDescription) {
        /** @return true if the server reported an error */
        public boolean isError() {
            return error != null;
        }

        @Override
        public String toString() {
            return "Callback[code=" + (code == null ? "none" : "***") + ", error=" + error + "]";
        }
    }

    private CallbackValidator() {
    }

    /**
     * @param callbackUrl the full callback URL, or its path and query
     * @param expected what it must match
     * @return the code or error it carries
     * @throws InvalidCallbackException if a check fails
     */
    public static Callback validate(String callbackUrl, Expected expected) {
        URI uri = parse(Objects.requireNonNull(callbackUrl, "callbackUrl"));
        Map<String, String> params = parameters(uri);
        String state = params.get("state");
        if (state == null) {
            throw new InvalidCallbackException(Reason.MISSING_STATE, "the callback has no state parameter");
        }
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                expected.state().getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidCallbackException(Reason.STATE_MISMATCH, "the callback's state does not match this login");
        }
        if (!sameTarget(uri, expected.redirectUri())) {
            throw new InvalidCallbackException(Reason.REDIRECT_MISMATCH,
                    "the callback did not arrive at the login's redirect URI " + expected.redirectUri());
        }
        String iss = params.get("iss");
        if (iss == null && expected.issuerRequired()) {
            throw new InvalidCallbackException(Reason.MISSING_ISSUER,
                    "the callback has no iss parameter, which this authorization server always sends (RFC 9207)");
        }
        if (iss != null && !stripTrailingSlash(iss).equals(stripTrailingSlash(expected.issuer()))) {
            throw new InvalidCallbackException(Reason.ISSUER_MISMATCH,
                    "the callback names another issuer than " + expected.issuer());
        }
        String error = params.get("error");
        if (error != null) {
            return new Callback(null, safeErrorCode(error), params.get("error_description"));
        }
        String code = params.get("code");
        if (code == null || code.isEmpty()) {
            throw new InvalidCallbackException(Reason.MISSING_CODE, "the callback has neither code nor error");
        }
        return new Callback(code, null, null);
    }

    /**
     * @param error untrusted error code
     * @return the code if it is a plain token, else {@code invalid_error_code}
     */
    public static String safeErrorCode(String error) {
        return error != null && SAFE_ERROR_CODE.matcher(error).matches() ? error : "invalid_error_code";
    }

    private static URI parse(String callbackUrl) {
        try {
            return new URI(callbackUrl.strip());
        } catch (URISyntaxException e) {
            throw new InvalidCallbackException(Reason.MALFORMED, "the callback URL cannot be parsed");
        }
    }

    /** A repeated parameter makes the response malformed (RFC 6749 section 3.1). */
    private static Map<String, String> parameters(URI uri) {
        String query = uri.getRawQuery();
        Map<String, List<String>> raw = URLUtils.parseParameters(query == null ? "" : query);
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            if (e.getValue().size() != 1) {
                throw new InvalidCallbackException(Reason.MALFORMED, "the callback repeats a parameter");
            }
            out.put(e.getKey(), e.getValue().get(0));
        }
        return out;
    }

    /**
     * Scheme, host and port are compared when the callback carries them (a web application may pass only the path
     * and query it received); the path always.
     */
    private static boolean sameTarget(URI callback, URI redirect) {
        if (!Objects.equals(emptyToSlash(callback.getRawPath()), emptyToSlash(redirect.getRawPath()))) {
            return false;
        }
        if (callback.getScheme() == null && callback.getRawAuthority() == null) {
            return true;
        }
        return lower(callback.getScheme()).equals(lower(redirect.getScheme()))
                && lower(callback.getHost()).equals(lower(redirect.getHost()))
                && port(callback) == port(redirect);
    }

    private static String emptyToSlash(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }

    private static String stripTrailingSlash(String s) {
        String out = s;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
