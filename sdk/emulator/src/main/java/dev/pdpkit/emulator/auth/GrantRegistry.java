package dev.pdpkit.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The server's state: authorizations (token families), authorization codes and refresh tokens. Every method that
 * reads and changes state runs under one monitor, so two concurrent refreshes with the same token are ordered and the
 * second is seen as reuse, exactly as on the real server.
 *
 * <p>Codes and refresh tokens are kept by their SHA-256 hash, so the tables never hold a usable secret.
 */
final class GrantRegistry {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One authorization: the family of tokens issued from one code. */
    static final class Grant {
        final String id;
        final String clientId;
        final String userId;
        final String workspaceId;
        final Set<String> scopes;
        final Instant createdAt;
        boolean revoked;

        Grant(String id, String clientId, String userId, String workspaceId, Set<String> scopes, Instant createdAt) {
            this.id = id;
            this.clientId = clientId;
            this.userId = userId;
            this.workspaceId = workspaceId;
            this.scopes = Set.copyOf(scopes);
            this.createdAt = createdAt;
        }

        GrantInfo info() {
            return new GrantInfo(id, clientId, userId, workspaceId, scopes, createdAt, revoked);
        }
    }

    /** What an authorization code stands for until it is exchanged. */
    record CodeRecord(String clientId, String redirectUri, String codeChallenge, String userId, String workspaceId,
                      Set<String> scopes, Instant expiresAt) {
    }

    private static final class IssuedCode {
        final CodeRecord record;
        boolean used;
        String grantId; // set once exchanged, so a replayed code can revoke what it produced

        IssuedCode(CodeRecord record) {
            this.record = record;
        }
    }

    private static final class RefreshRecord {
        final String grantId;
        final Instant expiresAt;
        boolean rotated;

        RefreshRecord(String grantId, Instant expiresAt) {
            this.grantId = grantId;
            this.expiresAt = expiresAt;
        }
    }

    private final Object lock = new Object();
    private final Map<String, Grant> grants = new LinkedHashMap<>();
    private final Map<String, IssuedCode> codes = new HashMap<>();
    private final Map<String, RefreshRecord> refreshTokens = new HashMap<>();
    private final Set<String> revokedAccessTokenIds = new HashSet<>();

    final AtomicLong reuseDetections = new AtomicLong();
    final AtomicLong revokedFamilies = new AtomicLong();

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    String issueCode(CodeRecord record) {
        String code = randomToken(32);
        synchronized (lock) {
            codes.put(sha256(code), new IssuedCode(record));
        }
        return code;
    }

    /**
     * Exchanges a code. Checks are those of RFC 6749 section 4.1.3 and RFC 7636 section 4.6; a replayed code revokes
     * the authorization it produced (RFC 6749 section 4.1.2).
     */
    Grant redeemCode(String code, String clientId, String redirectUri, String codeVerifier, Instant now)
            throws OAuthError {
        synchronized (lock) {
            IssuedCode issued = codes.get(sha256(code));
            if (issued == null) {
                throw OAuthError.invalidGrant("unknown authorization code");
            }
            if (issued.used) {
                if (issued.grantId != null) {
                    revokeLocked(issued.grantId);
                }
                throw OAuthError.invalidGrant("authorization code already used");
            }
            issued.used = true;
            CodeRecord r = issued.record;
            if (!now.isBefore(r.expiresAt())) {
                throw OAuthError.invalidGrant("authorization code expired");
            }
            if (!r.clientId().equals(clientId)) {
                throw OAuthError.invalidGrant("authorization code was issued to another client");
            }
            if (!r.redirectUri().equals(redirectUri)) {
                throw OAuthError.invalidGrant("redirect_uri does not match the authorization request");
            }
            if (r.codeChallenge() != null) {
                if (codeVerifier == null) {
                    throw OAuthError.invalidGrant("code_verifier required: the flow was started with PKCE");
                }
                if (!Pkce.validVerifier(codeVerifier) || !Pkce.s256(codeVerifier).equals(r.codeChallenge())) {
                    throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
                }
            } else if (codeVerifier != null) {
                throw OAuthError.invalidGrant("code_verifier sent but the flow was started without PKCE");
            }
            Grant grant = new Grant("grant_" + randomToken(12), clientId, r.userId(), r.workspaceId(), r.scopes(),
                    now);
            grants.put(grant.id, grant);
            issued.grantId = grant.id;
            return grant;
        }
    }

    /** Creates an authorization directly, for {@link AuthServer#issueTokens}. */
    Grant createGrant(String clientId, String userId, String workspaceId, Set<String> scopes, Instant now) {
        synchronized (lock) {
            Grant grant = new Grant("grant_" + randomToken(12), clientId, userId, workspaceId, scopes, now);
            grants.put(grant.id, grant);
            return grant;
        }
    }

    String newRefreshToken(Grant grant, Instant expiresAt) {
        String token = randomToken(32);
        synchronized (lock) {
            refreshTokens.put(sha256(token), new RefreshRecord(grant.id, expiresAt));
        }
        return token;
    }

    /**
     * Rotates a refresh token: marks it used and returns its authorization. Presenting a token that was already
     * rotated revokes the whole authorization.
     */
    Grant rotate(String refreshToken, String clientId, Instant now) throws OAuthError {
        synchronized (lock) {
            RefreshRecord record = refreshTokens.get(sha256(refreshToken));
            if (record == null) {
                throw OAuthError.invalidGrant("unknown refresh token");
            }
            Grant grant = grants.get(record.grantId);
            if (grant == null || grant.revoked) {
                throw OAuthError.invalidGrant("the authorization has been revoked");
            }
            if (!grant.clientId.equals(clientId)) {
                throw OAuthError.invalidGrant("refresh token was issued to another client");
            }
            if (record.rotated) {
                reuseDetections.incrementAndGet();
                revokeLocked(grant.id);
                throw OAuthError.invalidGrant("refresh token reuse detected; the authorization has been revoked");
            }
            if (!now.isBefore(record.expiresAt)) {
                throw OAuthError.invalidGrant("refresh token expired");
            }
            record.rotated = true;
            return grant;
        }
    }

    boolean isActive(String grantId, String accessTokenId) {
        synchronized (lock) {
            Grant grant = grants.get(grantId);
            return grant != null && !grant.revoked && !revokedAccessTokenIds.contains(accessTokenId);
        }
    }

    /** RFC 7009 for a refresh token: revokes its authorization if it belongs to {@code clientId}. */
    RevokeOutcome revokeRefreshToken(String token, String clientId) {
        synchronized (lock) {
            RefreshRecord record = refreshTokens.get(sha256(token));
            if (record == null) {
                return RevokeOutcome.UNKNOWN;
            }
            Grant grant = grants.get(record.grantId);
            if (grant == null) {
                return RevokeOutcome.UNKNOWN;
            }
            if (!grant.clientId.equals(clientId)) {
                return RevokeOutcome.OTHER_CLIENT;
            }
            revokeLocked(grant.id);
            return RevokeOutcome.REVOKED;
        }
    }

    /** RFC 7009 for an access token: only that token stops working. */
    RevokeOutcome revokeAccessToken(String grantId, String tokenId, String clientId) {
        synchronized (lock) {
            Grant grant = grants.get(grantId);
            if (grant == null) {
                return RevokeOutcome.UNKNOWN;
            }
            if (!grant.clientId.equals(clientId)) {
                return RevokeOutcome.OTHER_CLIENT;
            }
            revokedAccessTokenIds.add(tokenId);
            return RevokeOutcome.REVOKED;
        }
    }

    enum RevokeOutcome { REVOKED, UNKNOWN, OTHER_CLIENT }

    boolean revokeGrant(String grantId) {
        synchronized (lock) {
            return revokeLocked(grantId);
        }
    }

    int revokeWhere(Predicate<GrantInfo> filter) {
        synchronized (lock) {
            int n = 0;
            for (Grant g : grants.values()) {
                if (!g.revoked && filter.test(g.info()) && revokeLocked(g.id)) {
                    n++;
                }
            }
            return n;
        }
    }

    List<GrantInfo> list(Predicate<GrantInfo> filter) {
        synchronized (lock) {
            List<GrantInfo> out = new ArrayList<>();
            for (Grant g : grants.values()) {
                GrantInfo info = g.info();
                if (filter.test(info)) {
                    out.add(info);
                }
            }
            return out;
        }
    }

    private boolean revokeLocked(String grantId) {
        Grant grant = grants.get(grantId);
        if (grant == null || grant.revoked) {
            return false;
        }
        grant.revoked = true;
        revokedFamilies.incrementAndGet();
        return true;
    }
}
