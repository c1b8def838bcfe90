package dev.pdpkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.TokenStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Tokens encrypted at rest: what is in the table, key rotation, and failures that name no secret. */
class TokenEncryptionTest {
    private static final OAuthTokens PAIR = OAuthTokens.of("access-secret-6d1f", "refresh-secret-93ab",
            Instant.parse("2030-01-01T00:00:00Z"), "wksp_enc", List.of("workspace:admin", "offline_access"));

    private final SecretKey oldKey = newKey();
    private final SecretKey newKey = newKey();
    private final String key = SharedPostgres.freshKey();

    @Test
    void theTableHoldsNeitherTokenAndEveryWriteUsesAFreshNonce() throws Exception {
        JdbcTokenStore store = store(AtRestEncryption.withKey("k1", oldKey));
        store.save(PAIR);
        String[] first = row();
        assertThat(first[0]).doesNotContain("access-secret").isNotEmpty();
        assertThat(first[1]).doesNotContain("refresh-secret").isNotEqualTo(first[0]);
        assertThat(first[2]).isEqualTo("k1");
        assertThat(first[3]).isEqualTo("wksp_enc"); // metadata stays readable for operators
        store.save(PAIR);
        assertThat(row()[0]).isNotEqualTo(first[0]);
        assertThat(store.load()).contains(PAIR);
    }

    @Test
    void keysRotateAsRowsAreWritten() throws Exception {
        store(AtRestEncryption.withKey("k1", oldKey)).save(PAIR);
        JdbcTokenStore rotated = store(AtRestEncryption.withKey("k2", newKey).alsoDecryptingWith("k1", oldKey));
        assertThat(rotated.load()).contains(PAIR);
        rotated.save(PAIR);
        assertThat(row()[2]).isEqualTo("k2");
        assertThat(store(AtRestEncryption.withKey("k2", newKey)).load()).contains(PAIR);
    }

    @Test
    void tokensStoredInClearAreReadAndEncryptedOnTheNextWrite() throws Exception {
        store(null).save(PAIR);
        assertThat(row()[0]).isEqualTo(PAIR.accessToken());
        JdbcTokenStore encrypted = store(AtRestEncryption.withKey("k1", oldKey));
        assertThat(encrypted.load()).contains(PAIR);
        encrypted.save(PAIR);
        assertThat(row()[0]).doesNotContain("access-secret");
    }

    @Test
    void unreadableRowsAreCorruptWithoutRevealingAnything() throws Exception {
        store(AtRestEncryption.withKey("k1", oldKey)).save(PAIR);
        assertCorrupt(store(AtRestEncryption.withKey("k2", newKey)), "key id k1, which is not configured");
        assertCorrupt(store(null), "no encryption configured");
        assertCorrupt(store(AtRestEncryption.withKey("k1", newKey)), "does not decrypt with key id k1");

        // A ciphertext copied into another principal's row does not decrypt there.
        JdbcTokenStore victim = store(AtRestEncryption.withKey("k1", oldKey)).forKey(SharedPostgres.freshKey());
        victim.save(OAuthTokens.of("victim-access", "victim-refresh", null, null, List.of()));
        execute("UPDATE pdpkit_oauth_tokens SET access_token = (SELECT access_token FROM pdpkit_oauth_tokens"
                + " WHERE principal_key = ?) WHERE principal_key = ?", key, victim.key());
        assertThatThrownBy(victim::load).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("moved from another row");
    }

    @Test
    void settingsRejectUnsuitableKeysAndShowNoKey() {
        assertThatThrownBy(() -> AtRestEncryption.withKey("bad id", oldKey))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtRestEncryption.withKey("k1", new javax.crypto.spec.SecretKeySpec(new byte[7],
                "AES"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtRestEncryption.withKey("k1", oldKey).alsoDecryptingWith("k1", newKey))
                .isInstanceOf(IllegalArgumentException.class);
        AtRestEncryption encryption = AtRestEncryption.withKey("k2", newKey).alsoDecryptingWith("k1", oldKey);
        String hex = java.util.HexFormat.of().formatHex(newKey.getEncoded());
        String b64 = java.util.Base64.getEncoder().encodeToString(newKey.getEncoded());
        assertThat(encryption.toString()).contains("k1", "k2").doesNotContain(hex, b64);
        JdbcTokenStore store = store(encryption);
        store.save(PAIR);
        assertThat(store.toString()).doesNotContain(hex, b64, PAIR.accessToken(), PAIR.refreshToken().get());
    }

    private void assertCorrupt(JdbcTokenStore store, String message) {
        assertThatThrownBy(store::load).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining(message).hasMessageContaining(key)
                .satisfies(e -> assertThat(((TokenStoreException) e).reason())
                        .isEqualTo(TokenStoreException.Reason.CORRUPT))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    private JdbcTokenStore store(AtRestEncryption encryption) {
        return JdbcTokenStore.builder(SharedPostgres.dataSource()).key(key).encryption(encryption).build();
    }

    /** @return access_token, refresh_token, key_id, workspace_id as stored */
    private String[] row() throws Exception {
        try (Connection c = SharedPostgres.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT access_token, refresh_token, key_id, workspace_id"
                     + " FROM pdpkit_oauth_tokens WHERE principal_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
            }
        }
    }

    static void execute(String sql, String... params) throws Exception {
        try (Connection c = SharedPostgres.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    static SecretKey newKey() {
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(256);
            return g.generateKey();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
