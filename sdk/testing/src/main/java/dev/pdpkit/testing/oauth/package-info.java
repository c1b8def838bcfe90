/**
 * Test support for OAuth token stores: extend {@link dev.pdpkit.testing.oauth.TokenStoreConformanceTest} to check
 * that a {@link dev.pdpkit.oauth.TokenStore} implementation keeps refresh safe.
 */
package dev.pdpkit.testing.oauth;
