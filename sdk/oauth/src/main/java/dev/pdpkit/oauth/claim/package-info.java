/**
 * The partner claim flow: move a project the partner provisioned into the workspace of a user who signs in with
 * OAuth. Start with {@link dev.pdpkit.oauth.claim.ClaimFlow}; keep {@link dev.pdpkit.oauth.claim.PendingClaim}s in a
 * {@link dev.pdpkit.oauth.claim.PendingClaimStore} of your choice (in memory, a database table), or in an encrypted
 * cookie with {@link dev.pdpkit.oauth.claim.PendingClaimCookie}; read the outcome from {@link dev.pdpkit.oauth.claim.ClaimResult}.
 */
package dev.pdpkit.oauth.claim;
