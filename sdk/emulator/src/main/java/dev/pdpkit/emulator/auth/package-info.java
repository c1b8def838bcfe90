/**
 * The emulator's OAuth 2.0 authorization server: {@link dev.pdpkit.emulator.auth.AuthServer}.
 *
 * <p>It behaves like Prisma's: authorization code flow with PKCE S256 (mandatory for public clients), confidential
 * clients with {@code client_secret_basic} or {@code client_secret_post}, single-use refresh tokens whose reuse
 * revokes the whole authorization, RFC 7009 revocation, RFC 8414 discovery and ES256-signed JWT access tokens with a
 * {@code workspace_id} claim. Counters ({@link dev.pdpkit.emulator.auth.AuthCounters}) let tests prove that a client
 * never reused a refresh token.
 */
package dev.pdpkit.emulator.auth;
