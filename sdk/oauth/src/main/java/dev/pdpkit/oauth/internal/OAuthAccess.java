package dev.pdpkit.oauth.internal;

import dev.pdpkit.oauth.PrismaOAuth;
import java.util.function.Function;

/**
 * Lets {@code dev.pdpkit.oauth.claim} reach what {@link PrismaOAuth} keeps package-private (its resolved endpoints)
 * without making it public API. {@link PrismaOAuth} registers the accessor when its class is initialised.
 */
public final class OAuthAccess {
    private static volatile Function<PrismaOAuth, AuthServerClient.Endpoints> endpoints;

    private OAuthAccess() {
    }

    /**
     * @param accessor the accessor; called once, by {@link PrismaOAuth}
     */
    public static void register(Function<PrismaOAuth, AuthServerClient.Endpoints> accessor) {
        endpoints = accessor;
    }

    /**
     * @param oauth an instance
     * @return its endpoints, fetching the discovery document on first use
     */
    public static AuthServerClient.Endpoints endpoints(PrismaOAuth oauth) {
        return endpoints.apply(oauth);
    }
}
