package dev.pdpkit.oauth.claim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Keeps a {@link PendingClaim} in the user's browser instead of on the server: the claim is encrypted and
 * authenticated with AES-GCM under a server key (fresh 96-bit nonce per value), so the browser can neither read the
 * PKCE verifier and state nor change the project. Set the value as
 * {@code Set-Cookie: name=<seal(...)>; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=<claim lifetime>}.
 *
 * <p>A cookie can be sent again, so replay protection comes from {@link ClaimFlow}'s {@link ClaimReplayGuard}, which
 * must be shared by every server that completes claims. All servers share the key; rotate it by accepting the old key
 * in a second instance for one claim lifetime. Thread-safe.
 */
public final class PendingClaimCookie {
    private static final byte[] AAD = "pdpkit-pending-claim-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key an AES key of 128, 192 or 256 bits, the same on every server
     * @throws IllegalArgumentException if it is not an AES key of such a length
     */
    public PendingClaimCookie(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
        int bytes = key.getEncoded() == null ? 0 : key.getEncoded().length;
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || (bytes != 16 && bytes != 24 && bytes != 32)) {
            throw new IllegalArgumentException("an AES key of 128, 192 or 256 bits is required");
        }
    }

    /** @return a new random 256-bit AES key (store it like any other server secret) */
    public static SecretKey newKey() {
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(256);
            return g.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /**
     * @param claim the claim
     * @return the cookie value: base64url, no padding, about 1.5 KB
     */
    public String seal(PendingClaim claim) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(AAD);
            byte[] sealed = c.doFinal(claim.encode().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the pending claim", e);
        }
    }

    /**
     * @param cookieValue the value {@link #seal} produced, or null
     * @return the claim, or empty if the value is missing, malformed, altered or sealed with another key
     */
    public Optional<PendingClaim> open(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 8192) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cookieValue);
            if (raw.length <= NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            c.updateAAD(AAD);
            byte[] plain = c.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return Optional.of(PendingClaim.decode(new String(plain, StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "PendingClaimCookie[AES-GCM, key=***]";
    }
}
