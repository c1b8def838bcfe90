package dev.pdpkit.client.internal.json;

/**
 * A strict UTF-8 check (RFC 3629): no overlong forms, no encoded surrogates, nothing above U+10FFFF, no truncated
 * sequence, and no NUL byte (never valid in JSON text). Jackson's own checks are looser on some versions, and a
 * decoder that replaces bad bytes with U+FFFD would alter data silently.
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * @param b the bytes
     * @return the offset of the first byte of the first invalid sequence, or -1 when all of {@code b} is UTF-8
     */
    static int firstInvalid(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i];
            if (c > 0) {
                i++;
                continue;
            }
            if (c == 0) {
                // Never valid in JSON text, and a NUL among the first bytes would make Jackson guess UTF-16 or UTF-32.
                return i;
            }
            c &= 0xff;
            int len;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                len = 4;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + len > n) {
                return i;
            }
            int cp = c & (0xff >> (len + 1));
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return i;
            }
            i += len;
        }
        return -1;
    }
}
