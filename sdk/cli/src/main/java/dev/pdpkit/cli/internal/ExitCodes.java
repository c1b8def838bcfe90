package dev.pdpkit.cli.internal;

/** The documented exit statuses of {@code pdp} (see the README's "Exit codes"). */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Any other failure: an unexpected API answer, a database that failed to provision, a local I/O error. */
    public static final int ERROR = 1;
    /** The command line is wrong: unknown option, missing argument, bad value, missing configuration. */
    public static final int USAGE = 2;
    /** Not signed in, the credential was rejected (401) or may not do this (403), or the login failed. */
    public static final int AUTH = 3;
    /** The resource does not exist (404). */
    public static final int NOT_FOUND = 4;
    /** A conflict (409), or an output file that exists without {@code --force}. */
    public static final int CONFLICT = 5;
    /** Rate-limited (429), a server error (5xx), a network failure or a time-out: trying again later may work. */
    public static final int TRANSIENT = 6;

    private ExitCodes() {
    }
}
