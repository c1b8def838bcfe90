package dev.pdpkit.cli.internal;

import java.util.regex.Pattern;

/** Masks the secret parts of connection strings for display. */
public final class Secrets {
    private static final Pattern PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@]*:)[^@/?#]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&](?:api_key|password|pass|secret|token|access_token)=)[^&#]*");

    private Secrets() {
    }

    /**
     * @param connectionString a connection string, or null
     * @return it with the password and secret query parameters replaced by {@code ****}
     */
    public static String mask(String connectionString) {
        if (connectionString == null) {
            return null;
        }
        String s = PASSWORD.matcher(connectionString).replaceFirst("$1****@");
        return SECRET_PARAM.matcher(s).replaceAll("$1****");
    }
}
