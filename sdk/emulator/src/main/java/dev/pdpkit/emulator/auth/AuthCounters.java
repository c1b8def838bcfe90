package dev.pdpkit.emulator.auth;

/**
 * A snapshot of what the emulated authorization server has seen since it started or since
 * {@link AuthServer#resetCounters()}.
 *
 * @param tokenRequests every request to the token endpoint, successful or not
 * @param codeExchanges {@code authorization_code} grant requests
 * @param refreshes {@code refresh_token} grant requests
 * @param reuseDetections refresh requests that presented an already rotated refresh token
 * @param revokedFamilies authorizations revoked for any reason (reuse, revocation endpoint, administrator)
 * @param revocationRequests requests to the revocation endpoint
 */
public record AuthCounters(long tokenRequests, long codeExchanges, long refreshes, long reuseDetections,
                           long revokedFamilies, long revocationRequests) {
}
