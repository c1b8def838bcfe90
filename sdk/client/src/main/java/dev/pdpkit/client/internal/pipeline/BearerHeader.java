package dev.pdpkit.client.internal.pipeline;

/**
 * Makes the {@code Authorization} value for a bearer token. A token serves many calls in a row, so the value made
 * for the last token is kept (per client, never shared between clients) instead of being concatenated per attempt.
 */
public final class BearerHeader {
    private volatile Last last;

    /**
     * @param token the bearer token
     * @return {@code "Bearer " + token}
     */
    public String of(String token) {
        Last l = last;
        if (l == null || !l.token.equals(token)) {
            l = new Last(token, "Bearer " + token);
            last = l;
        }
        return l.header;
    }

    @Override
    public String toString() {
        return "BearerHeader"; // never the token
    }

    private static final class Last {
        final String token;
        final String header;

        Last(String token, String header) {
            this.token = token;
            this.header = header;
        }
    }
}
