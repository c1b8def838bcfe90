package dev.pdpkit.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes for keys that are stored instead of the keys themselves. */
public final class Hashes {
    private Hashes() {
    }

    /**
     * @param value any text
     * @return the lower-case hex SHA-256 of its UTF-8 bytes, 64 characters
     */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
