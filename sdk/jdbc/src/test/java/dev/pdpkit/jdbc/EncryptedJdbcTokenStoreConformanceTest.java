package dev.pdpkit.jdbc;

import javax.crypto.spec.SecretKeySpec;

/** The conformance suite again, with tokens encrypted at rest. */
class EncryptedJdbcTokenStoreConformanceTest extends JdbcTokenStoreConformanceTest {
    static final AtRestEncryption ENCRYPTION = AtRestEncryption.withKey("suite-key",
            new SecretKeySpec(new byte[32], "AES"));

    @Override
    JdbcTokenStore.Builder configure(JdbcTokenStore.Builder builder) {
        return builder.encryption(ENCRYPTION);
    }
}
