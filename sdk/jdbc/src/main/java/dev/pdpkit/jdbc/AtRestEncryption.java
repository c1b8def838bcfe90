package dev.pdpkit.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption of secrets at rest for the JDBC stores: AES-GCM under an application key, a fresh random 96-bit nonce
 * for every value written, and the key's id stored beside the value so keys can be rotated.
 *
 * <p>Each value is bound to its place (table, column and row key) as GCM associated data, so a ciphertext copied into
 * another principal's row does not decrypt. To rotate: make the new key current and keep the old one with
 * {@link #alsoDecryptingWith}; rows are re-encrypted under the new key as they are next written (tokens at every
 * refresh), after which the old key can go.
 *
 * <pre>{@code
 * AtRestEncryption encryption = AtRestEncryption.withKey("2026-06", currentKey)
 *         .alsoDecryptingWith("2025-12", previousKey);
 * }</pre>
 * Immutable and thread-safe; {@link #toString()} shows key ids, never keys.
 */
public final class AtRestEncryption {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private AtRestEncryption(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /**
     * @param keyId the key's id, stored with every value it encrypts: 1 to 64 of {@code A-Z a-z 0-9 . _ -}
     * @param key an AES key of 128, 192 or 256 bits, the same on every instance
     * @return an encryption that writes with this key
     * @throws IllegalArgumentException if the id or the key is unsuitable
     */
    public static AtRestEncryption withKey(String keyId, SecretKey key) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(checkId(keyId), checkKey(key));
        return new AtRestEncryption(keyId, keys);
    }

    /**
     * @param keyId the id of a previous key
     * @param key the previous key, used only to decrypt values written under it
     * @return a copy that also reads values encrypted with that key
     * @throws IllegalArgumentException if the id is unsuitable or already used, or the key is unsuitable
     */
    public AtRestEncryption alsoDecryptingWith(String keyId, SecretKey key) {
        if (keys.containsKey(checkId(keyId))) {
            throw new IllegalArgumentException("key id " + keyId + " is already configured");
        }
        Map<String, SecretKey> more = new LinkedHashMap<>(keys);
        more.put(keyId, checkKey(key));
        return new AtRestEncryption(currentKeyId, more);
    }

    /** @return the id of the key new values are encrypted with */
    public String currentKeyId() {
        return currentKeyId;
    }

    /**
     * @param plaintext the secret
     * @param place where it is stored, bound to the ciphertext as associated data
     * @return base64url of nonce and ciphertext, encrypted with the current key
     */
    String seal(String plaintext, String place) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, 0, place);
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * @param keyId the key id stored with the value
     * @param sealed what {@link #seal} returned
     * @param place the same place given to {@link #seal}
     * @return the secret, or empty if the key id is unknown
     * @throws IllegalArgumentException if the value is malformed, altered, moved or sealed with another key (the
     *     message names no secret)
     */
    Optional<String> open(String keyId, String sealed, String place) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(sealed);
            if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("encrypted value is too short");
            }
            Cipher c = cipher(Cipher.DECRYPT_MODE, key, raw, 0, place);
            return Optional.of(new String(c.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("encrypted value does not decrypt with key id " + keyId
                    + " (wrong key, altered value, or value moved from another row)");
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, int offset, String place)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce, offset, NONCE_BYTES));
        c.updateAAD(("pdpkit-jdbc-v1:" + place).getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private static String checkId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        return keyId;
    }

    private static SecretKey checkKey(SecretKey key) {
        Objects.requireNonNull(key, "key");
        byte[] encoded = key.getEncoded();
        int bytes = encoded == null ? 0 : encoded.length;
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || (bytes != 16 && bytes != 24 && bytes != 32)) {
            throw new IllegalArgumentException("an AES key of 128, 192 or 256 bits is required");
        }
        return key;
    }

    @Override
    public String toString() {
        return "AtRestEncryption[AES-GCM, current key id=" + currentKeyId + ", key ids=" + keys.keySet() + "]";
    }
}
