package dev.pdpkit.emulator.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An OAuth application registered with the emulated authorization server.
 *
 * <p>A client with a secret is confidential and authenticates at the token endpoint with {@code client_secret_basic}
 * or {@code client_secret_post}; a client without one is public and must use PKCE. A redirect URI on a loopback host
 * ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}) matches a request on any port, as on the real server.
 * {@link #toString()} never shows the secret.
 *
 * @param clientId the client id
 * @param clientSecret the secret, or null for a public client
 * @param redirectUris the registered redirect URIs, at least one
 * @param name a display name for the consent page
 */
public record RegisteredClient(String clientId, String clientSecret, List<String> redirectUris, String name) {

    /**
     * Validates and copies the arguments.
     *
     * @param clientId the client id
     * @param clientSecret the secret, or null for a public client
     * @param redirectUris the registered redirect URIs, at least one
     * @param name a display name for the consent page
     */
    public RegisteredClient {
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret != null && clientSecret.isEmpty()) {
            throw new IllegalArgumentException("clientSecret must be null (public client) or non-empty");
        }
        redirectUris = List.copyOf(redirectUris);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("at least one redirect URI is required");
        }
        for (String uri : redirectUris) {
            URI parsed = URI.create(uri);
            if (!parsed.isAbsolute() || parsed.getFragment() != null) {
                throw new IllegalArgumentException("redirect URI must be absolute and without fragment: " + uri);
            }
        }
        name = name == null ? clientId : name;
    }

    /**
     * @param clientId the client id
     * @param redirectUris registered redirect URIs
     * @return a public client (no secret, PKCE required)
     */
    public static RegisteredClient publicClient(String clientId, String... redirectUris) {
        return new RegisteredClient(clientId, null, List.of(redirectUris), clientId);
    }

    /**
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param redirectUris registered redirect URIs
     * @return a confidential client
     */
    public static RegisteredClient confidentialClient(String clientId, String clientSecret, String... redirectUris) {
        return new RegisteredClient(clientId, Objects.requireNonNull(clientSecret, "clientSecret"),
                List.of(redirectUris), clientId);
    }

    /** @return true if the client has a secret */
    public boolean confidential() {
        return clientSecret != null;
    }

    @Override
    public String toString() {
        return "RegisteredClient[clientId=" + clientId + ", confidential=" + confidential()
                + ", redirectUris=" + redirectUris + ", name=" + name + "]";
    }
}
