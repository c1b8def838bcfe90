package dev.pdpkit.emulator.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.emulator.internal.http.HttpFailure;
import dev.pdpkit.emulator.internal.http.HttpRequest;
import dev.pdpkit.emulator.internal.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Reading forms and writing the answers of the authorization server's endpoints. */
final class HttpIo {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BODY = 64 * 1024;

    private HttpIo() {
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} text. A parameter sent twice is an error, as RFC 6749
     * section 3.1 requires for the authorization and token endpoints.
     */
    static Map<String, String> parseForm(String encoded) throws OAuthError {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (out.putIfAbsent(name, value) != null) {
                throw OAuthError.invalidRequest("parameter '" + name + "' is repeated");
            }
        }
        return out;
    }

    private static String decode(String s) throws OAuthError {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("malformed percent-encoding");
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** @return the form in the request body (at most {@value #MAX_BODY} bytes of UTF-8) */
    static Map<String, String> readForm(HttpRequest request) throws IOException, OAuthError {
        byte[] bytes;
        try {
            bytes = request.body(MAX_BODY);
        } catch (HttpFailure f) {
            throw new OAuthError("invalid_request", f.getMessage(), f.status());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return parseForm(text);
        } catch (CharacterCodingException e) {
            throw OAuthError.invalidRequest("the request body is not UTF-8");
        }
    }

    static HttpResponse json(int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        // Token responses must not be cached (RFC 6749 section 5.1); harmless for the others.
        return HttpResponse.bytes(status, bytes).header("Content-Type", "application/json;charset=UTF-8")
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    /** @return the RFC 6749 error body {@code {"error","error_description"}} */
    static HttpResponse error(OAuthError error) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.error);
        if (error.getMessage() != null) {
            body.put("error_description", error.getMessage());
        }
        HttpResponse r = json(error.status, body);
        return error.challenge == null ? r : r.header("WWW-Authenticate", error.challenge);
    }

    static HttpResponse html(int status, String html) {
        return HttpResponse.html(status, html).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY");
    }

    static HttpResponse redirect(URI location) {
        return HttpResponse.empty(302).header("Location", location.toString()).header("Cache-Control", "no-store");
    }

    /** Appends query parameters to a redirect URI that may already have a query. */
    static URI withQuery(String base, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null) {
                query.add(encode(k) + "=" + encode(v));
            }
        });
        String separator = base.contains("?") ? "&" : "?";
        return URI.create(base + separator + query);
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Answers a method the endpoint does not serve. */
    static OAuthError methodNotAllowed() {
        return new OAuthError("invalid_request", "method not allowed", 405);
    }
}
