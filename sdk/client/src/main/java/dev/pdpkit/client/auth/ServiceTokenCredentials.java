package dev.pdpkit.client.auth;

/** A static service token. Its {@link #toString()} never shows the token. */
final class ServiceTokenCredentials implements Credentials {
    private final String token;

    ServiceTokenCredentials(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("service token must not be null or blank");
        }
        this.token = token.strip();
    }

    @Override
    public String bearerToken() {
        return token;
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public String toString() {
        return "ServiceTokenCredentials[token=***]";
    }
}
