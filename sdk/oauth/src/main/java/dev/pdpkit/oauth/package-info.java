/**
 * OAuth 2.0 for the Prisma Management API.
 *
 * <p>Start at {@link dev.pdpkit.oauth.PrismaOAuth}: {@code startLogin}/{@code completeLogin} for web applications,
 * {@code loginWithLoopback} for CLIs and scripts, {@code clientBuilder()} (or {@code credentials()}) for the API
 * client, {@code logout()}, which ends the grant at the server before clearing the store and returns a
 * {@link dev.pdpkit.oauth.LogoutResult}.
 * Tokens live in a {@link dev.pdpkit.oauth.TokenStore}: {@link dev.pdpkit.oauth.InMemoryTokenStore} or
 * {@link dev.pdpkit.oauth.FileTokenStore} (safe to share between processes), or your own implementation checked with
 * the conformance suite in {@code pdpkit-testing}.
 *
 * <p>Every exception extends {@link dev.pdpkit.oauth.OAuthException}, itself a
 * {@link dev.pdpkit.client.errors.PrismaException}. The one to handle in an application is
 * {@link dev.pdpkit.oauth.LoginRequiredException}: send the user through the login again.
 * {@link dev.pdpkit.oauth.LockTimeoutException} means a refresh elsewhere held the store's lock longer than the call's
 * budget; the call can be repeated.
 */
package dev.pdpkit.oauth;
