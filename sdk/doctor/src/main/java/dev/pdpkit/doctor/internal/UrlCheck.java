package dev.pdpkit.doctor.internal;

import dev.pdpkit.doctor.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The URL step: can it be read, is it a PostgreSQL URL, is it pooled or direct, and what does it ask of TLS? */
public final class UrlCheck {
    /** Prisma Postgres's direct host (migrations, admin tools, LISTEN). */
    public static final String PRISMA_DIRECT_HOST = "db.prisma.io";
    /** Prisma Postgres's pooled host (application traffic). */
    public static final String PRISMA_POOLED_HOST = "pooled.db.prisma.io";
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");

    /**
     * What the URL step found.
     *
     * @param url the parsed URL
     * @param pooled true when the URL goes through a connection pooler
     * @param hints advice that does not stop the check
     */
    public record Result(ConnectionUrl url, boolean pooled, List<String> hints) {}

    private UrlCheck() {}

    /**
     * @param raw the connection string
     * @param apiEndpoints the database's endpoints from the API, or an empty list
     * @param requireDirect true when the caller needs a direct connection
     * @return the parsed URL, warned when it is pooled but a direct one is needed
     * @throws Failure {@link Finding#INVALID_URL} or {@link Finding#ACCELERATE_URL}
     */
    public static Passed<Result> check(String raw, List<ApiCheck.ApiEndpoint> apiEndpoints, boolean requireDirect)
            throws Failure {
        ConnectionUrl url;
        try {
            url = ConnectionUrl.parse(raw);
        } catch (BadUrlException e) {
            throw new Failure(Finding.INVALID_URL, "the connection string cannot be read: " + e.getMessage());
        }
        if (url.form() == ConnectionUrl.Form.ACCELERATE) {
            throw new Failure(Finding.ACCELERATE_URL, url.masked() + " is for Prisma ORM only");
        }
        if (!SSL_MODES.contains(url.sslMode())) {
            throw new Failure(Finding.INVALID_URL, "sslmode '" + url.sslMode() + "' is not one of " + SSL_MODES);
        }
        Endpoint endpoint = endpoint(url, apiEndpoints);
        boolean pooled = endpoint == Endpoint.POOLED;
        List<String> hints = new ArrayList<>();
        if (!apiEndpoints.isEmpty() && apiEndpoints.stream().noneMatch(e -> e.host().equalsIgnoreCase(url.host()))) {
            hints.add("The URL's host is not one of this database's endpoints in the Management API ("
                    + apiEndpoints.stream().map(ApiCheck.ApiEndpoint::hostAndPort).distinct()
                            .collect(Collectors.joining(", ")) + "): is it the connection string of another database?");
        }
        if (pooled && !requireDirect) {
            hints.add("This is a pooled connection string: right for application queries; migrations and LISTEN"
                    + " need the direct one (" + PRISMA_DIRECT_HOST + ").");
        }
        if (isPrisma(url.host()) && !url.requiresTls()) {
            hints.add("Prisma Postgres connection strings use sslmode=require; this one has sslmode="
                    + url.sslMode() + ".");
        }
        if (url.extraHosts() > 0) {
            hints.add("The URL lists " + (url.extraHosts() + 1) + " hosts; only the first was checked.");
        }
        if (url.user() == null) {
            hints.add("The URL has no user name; the driver will use this machine's user name.");
        }
        String detail = describe(url, endpoint);
        return new Passed<>(new Result(url, pooled, hints), detail, pooled && requireDirect);
    }

    private static String describe(ConnectionUrl url, Endpoint endpoint) {
        String db = url.database().isEmpty() ? "(none: the server uses the user's name)" : "'" + url.database() + "'";
        String kind = switch (endpoint) {
            case POOLED -> ", pooled endpoint";
            case DIRECT -> ", direct endpoint";
            case OTHER -> "";
        };
        return url.scheme() + " URL to " + url.hostAndPort() + ", database " + db + ", sslmode=" + url.sslMode()
                + kind + (url.password() == null ? ", no password" : "");
    }

    /** Which kind of endpoint a URL points at: the API's list decides, then Prisma's host names, then a hint. */
    private enum Endpoint { DIRECT, POOLED, OTHER }

    private static Endpoint endpoint(ConnectionUrl url, List<ApiCheck.ApiEndpoint> apiEndpoints) {
        for (ApiCheck.ApiEndpoint e : apiEndpoints) {
            if (e.host().equalsIgnoreCase(url.host()) && e.port() == url.port()) {
                return e.pooled() ? Endpoint.POOLED : Endpoint.DIRECT;
            }
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        if (host.equals(PRISMA_POOLED_HOST) || host.endsWith("." + PRISMA_POOLED_HOST)
                || "true".equalsIgnoreCase(url.params().get("pgbouncer"))) {
            return Endpoint.POOLED;
        }
        return isPrisma(host) ? Endpoint.DIRECT : Endpoint.OTHER;
    }

    private static boolean isPrisma(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(PRISMA_DIRECT_HOST) || h.endsWith("." + PRISMA_DIRECT_HOST);
    }
}
