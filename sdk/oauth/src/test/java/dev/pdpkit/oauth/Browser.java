package dev.pdpkit.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Plays the user's browser: opens the authorization URL and returns where the server redirects. */
final class Browser {
    private static final OkHttpClient NO_REDIRECTS = new OkHttpClient.Builder().followRedirects(false).build();
    private static final OkHttpClient FOLLOWING = new OkHttpClient();

    private Browser() {
    }

    /** @return the Location of the server's redirect (the callback URL with code, state and iss) */
    static String authorize(URI authorizationUrl) {
        try (Response r = NO_REDIRECTS.newCall(new Request.Builder().url(authorizationUrl.toString()).build())
                .execute()) {
            if (r.code() != 302) {
                throw new AssertionError("expected a redirect, got " + r.code() + ": " + r.body().string());
            }
            return r.header("Location");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows every redirect, like a real browser, and returns the final page. */
    static Page open(String url) {
        try (Response r = FOLLOWING.newCall(new Request.Builder().url(url).build()).execute()) {
            return new Page(r.code(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Page(int status, String body) {
    }
}
