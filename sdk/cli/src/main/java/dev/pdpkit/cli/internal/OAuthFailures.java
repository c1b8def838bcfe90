package dev.pdpkit.cli.internal;

/**
 * Maps the OAuth module's failures to exit statuses by class name, so that reporting an error does not load the
 * OAuth classes for a command that authenticated with a service token.
 */
final class OAuthFailures {
    private static final String PACKAGE = "dev.pdpkit.oauth.";

    private OAuthFailures() {
    }

    /** @return the exit status for an OAuth failure, or -1 if {@code e} is not one */
    static int exitCode(Throwable e) {
        boolean oauth = false;
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            oauth |= c.getName().equals(PACKAGE + "OAuthException");
        }
        if (!oauth) {
            return -1;
        }
        String name = e.getClass().getName();
        if (name.equals(PACKAGE + "AuthServerUnavailableException")) {
            return ExitCodes.TRANSIENT;
        }
        return name.equals(PACKAGE + "TokenStoreException") ? ExitCodes.ERROR : ExitCodes.AUTH;
    }
}
