package dev.pdpkit.emulator.api;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers and secrets in the shapes the service uses: a readable prefix and random characters. */
public final class Ids {
    private static final char[] ALPHANUM = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private Ids() {
    }

    /**
     * A resource id such as {@code proj_cm4k2x...}: prefix, underscore, 25 lowercase letters and digits.
     *
     * @param prefix the resource prefix, such as {@code proj}
     * @return a new random id
     */
    public static String id(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length() + 26).append(prefix).append('_');
        ThreadLocalRandom r = ThreadLocalRandom.current();
        sb.append('c');
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHANUM[r.nextInt(ALPHANUM.length)]);
        }
        return sb.toString();
    }

    /**
     * A secret of {@code length} base62 characters from a CSPRNG.
     *
     * @param length how many characters
     * @return a new secret
     */
    public static String secret(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(BASE62[SECURE.nextInt(BASE62.length)]);
        }
        return sb.toString();
    }

    /**
     * Lowercase hex from a CSPRNG, for database user names.
     *
     * @param length how many hex digits
     * @return new random hex digits
     */
    public static String hex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(HEX[SECURE.nextInt(HEX.length)]);
        }
        return sb.toString();
    }
}
