package dev.pdpkit.oauth;

/** How a confidential client proves its identity at the token and revocation endpoints (RFC 6749 section 2.3.1). */
public enum ClientAuthMethod {
    /** Client id and secret in an HTTP Basic {@code Authorization} header (the default). */
    CLIENT_SECRET_BASIC,
    /** Client id and secret as {@code client_id} and {@code client_secret} form parameters. */
    CLIENT_SECRET_POST
}
