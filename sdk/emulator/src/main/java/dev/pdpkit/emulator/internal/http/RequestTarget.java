package dev.pdpkit.emulator.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The path and query of a request target, checked strictly: visible ASCII, well-formed escapes, UTF-8. */
record RequestTarget(String path, String rawQuery) {

    static RequestTarget parse(String target) throws HttpFailure {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw invalid("The request target contains a character that must be percent-encoded.");
            }
        }
        String t = target;
        if (t.startsWith("http://") || t.startsWith("https://")) {
            int slash = t.indexOf('/', t.indexOf("//") + 2);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        int hash = t.indexOf('#');
        if (hash >= 0) {
            t = t.substring(0, hash);
        }
        if (!t.startsWith("/")) {
            throw invalid("The request target must be an absolute path.");
        }
        int q = t.indexOf('?');
        String rawPath = q < 0 ? t : t.substring(0, q);
        String rawQuery = q < 0 ? null : t.substring(q + 1);
        String path = decode(rawPath, false);
        if (rawQuery != null) {
            decode(rawQuery, true); // only checked here; handlers decode parameter by parameter
        }
        return new RequestTarget(path, rawQuery);
    }

    /** Percent-decodes strictly: every escape well-formed, the bytes valid UTF-8. */
    static String decode(String s, boolean plusIsSpace) throws HttpFailure {
        if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw invalid("The request target has a malformed percent-escape.");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid("The request target's percent-escapes are not UTF-8.");
        }
    }

    private static HttpFailure invalid(String message) {
        return HttpFailure.badRequest("invalid_request_target", message);
    }
}
