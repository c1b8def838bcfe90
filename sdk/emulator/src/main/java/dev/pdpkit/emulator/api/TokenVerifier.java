package dev.pdpkit.emulator.api;

import java.util.Optional;

/**
 * Checks an OAuth access token presented to the Management API. The emulator's authorization server implements it;
 * the API half depends on nothing else of it for authentication.
 */
@FunctionalInterface
public interface TokenVerifier {
    /**
     * @param accessToken the token as sent after {@code Bearer }
     * @return what the token entitles its bearer to, or empty when it is unknown, malformed, expired or revoked
     */
    Optional<OAuthPrincipal> verifyAccessToken(String accessToken);
}
