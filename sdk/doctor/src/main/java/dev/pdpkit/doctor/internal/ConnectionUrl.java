package dev.pdpkit.doctor.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed connection string: {@code postgres://}, {@code postgresql://}, {@code jdbc:postgresql://} or
 * {@code prisma+postgres://}. Parsing is tolerant (unencoded {@code @ / ?} in a password, several hosts, IPv6
 * literals); everything that leaves this class for humans goes through {@link #masked()} or {@link #redact(String)}.
 */
public final class ConnectionUrl {
    /** The shapes the doctor understands. */
    public enum Form {
        /** {@code postgres://} or {@code postgresql://}, as libpq reads them. */
        POSTGRES,
        /** {@code jdbc:postgresql://}, as pgjdbc reads it. */
        JDBC,
        /** {@code prisma+postgres://}: Prisma Accelerate, over HTTPS. */
        ACCELERATE
    }

    private static final Set<String> SECRET_PARAMS = Set.of("password", "sslpassword", "api_key", "apikey", "user");
    private static final int DEFAULT_PORT = 5432;

    private final String raw;
    private final Form form;
    private final String scheme;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final boolean portGiven;
    private final int extraHosts;
    private final String database;
    private final Map<String, String> params;

    private ConnectionUrl(String raw, Form form, String scheme, String user, String password, String host, int port,
                          boolean portGiven, int extraHosts, String database, Map<String, String> params) {
        this.raw = raw;
        this.form = form;
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.portGiven = portGiven;
        this.extraHosts = extraHosts;
        this.database = database;
        this.params = Collections.unmodifiableMap(params);
    }

    /**
     * Parses a connection string.
     *
     * @param raw the connection string as the user gave it
     * @return the parsed URL
     * @throws BadUrlException with a message that holds no part of the URL's secrets
     */
    public static ConnectionUrl parse(String raw) {
        String text = raw.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        Form form = Form.POSTGRES;
        String rest = text;
        if (lower.startsWith("jdbc:")) {
            form = Form.JDBC;
            rest = text.substring(5);
            lower = lower.substring(5);
        }
        int sep = rest.indexOf("://");
        if (sep <= 0) {
            throw new BadUrlException("it does not start with postgres://, postgresql:// or jdbc:postgresql://");
        }
        String scheme = lower.substring(0, sep);
        if (scheme.equals("prisma+postgres") && form != Form.JDBC) {
            form = Form.ACCELERATE;
        } else if (form == Form.JDBC ? !scheme.equals("postgresql") : !scheme.matches("postgres(ql)?")) {
            throw new BadUrlException("the scheme '" + scheme + "' is not postgres, postgresql or jdbc:postgresql");
        }
        return parseAfterScheme(raw, form, scheme, rest.substring(sep + 3));
    }

    private static ConnectionUrl parseAfterScheme(String raw, Form form, String scheme, String rest) {
        int at = rest.lastIndexOf('@');
        String userInfo = at >= 0 ? rest.substring(0, at) : null;
        String afterAt = rest.substring(at + 1);
        int end = indexOfAny(afterAt, "/?");
        String hostList = end < 0 ? afterAt : afterAt.substring(0, end);
        String tail = end < 0 ? "" : afterAt.substring(end);
        int q = tail.indexOf('?');
        String path = q < 0 ? tail : tail.substring(0, q);
        Map<String, String> params = parseQuery(q < 0 ? "" : tail.substring(q + 1));
        String[] hosts = hostList.split(",");
        String[] hostPort = splitHostPort(hosts[0]);
        if (hostPort[0].isEmpty()) {
            throw new BadUrlException("it has no host name");
        }
        int port = parsePort(hostPort[1]);
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (form == Form.JDBC) {
            user = params.containsKey("user") ? params.get("user") : user;
            password = params.containsKey("password") ? params.get("password") : password;
        }
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        return new ConnectionUrl(raw, form, scheme, emptyToNull(user), emptyToNull(password), hostPort[0], port,
                !hostPort[1].isEmpty(), hosts.length - 1, database, params);
    }

    private static String[] splitHostPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new BadUrlException("an IPv6 address in it lacks its closing ']'");
            }
            String after = hostPort.substring(close + 1);
            return new String[] {hostPort.substring(1, close), after.startsWith(":") ? after.substring(1) : ""};
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? new String[] {hostPort, ""}
                : new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
    }

    private static int parsePort(String port) {
        if (port.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int p = Integer.parseInt(port);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        // Not quoted: in "user:password/..." without an '@' the password would sit where the port is.
        throw new BadUrlException("its port is not a number from 1 to 65535 (is an '@' missing after the password?)");
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** Percent-decoding as in URLs' user info and paths: a '+' stays a '+'; a stray '%' is kept as it is. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
            if (bytes[i] == '%' && hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** @return which shape of connection string this is */
    public Form form() {
        return form;
    }

    /** @return how the URL starts, e.g. {@code postgresql://} or {@code jdbc:postgresql://} */
    public String scheme() {
        return (form == Form.JDBC ? "jdbc:" : "") + scheme + "://";
    }

    /** @return the user name, or null */
    public String user() {
        return user;
    }

    /** @return the password, or null; never to be shown */
    public String password() {
        return password;
    }

    /** @return the (first) host */
    public String host() {
        return host;
    }

    /** @return the port, 5432 when the URL has none */
    public int port() {
        return port;
    }

    /** @return how many hosts after the first the URL lists (only the first is checked) */
    public int extraHosts() {
        return extraHosts;
    }

    /** @return the database name; empty means the server's default (the user's name) */
    public String database() {
        return database;
    }

    /** @return the query parameters, decoded */
    public Map<String, String> params() {
        return params;
    }

    /** @return the {@code sslmode} parameter in lower case, or {@code prefer} (libpq's and pgjdbc's default) */
    public String sslMode() {
        String mode = params.get("sslmode");
        return mode == null || mode.isBlank() ? "prefer" : mode.strip().toLowerCase(Locale.ROOT);
    }

    /** @return true when the client insists on TLS */
    public boolean requiresTls() {
        return Set.of("require", "verify-ca", "verify-full").contains(sslMode());
    }

    /** @return the host and port, IPv6 literals in brackets */
    public String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * The URL as it may be shown: the user info replaced by {@code ****}, secret parameters masked, and the first host
     * only.
     *
     * @return the masked URL
     */
    public String masked() {
        StringBuilder sb = new StringBuilder(scheme());
        if (user != null || password != null) {
            sb.append(form == Form.JDBC && params.containsKey("user") ? "" : "****@");
        }
        // An Accelerate URL is HTTPS: a PostgreSQL default port would be misleading there.
        sb.append(form == Form.ACCELERATE && !portGiven ? host : hostAndPort()).append('/').append(database);
        String sepChar = "?";
        for (Map.Entry<String, String> e : params.entrySet()) {
            boolean secret = SECRET_PARAMS.contains(e.getKey().toLowerCase(Locale.ROOT));
            sb.append(sepChar).append(e.getKey()).append('=').append(secret ? "****" : e.getValue());
            sepChar = "&";
        }
        return sb.toString();
    }

    /**
     * Removes this URL's secrets from a text written by someone else (a driver or server message).
     *
     * @param text the text, may be null
     * @return the text with the raw URL, the password and secret parameters replaced by {@code ****}
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text.replace(raw, masked()).replace(raw.strip(), masked());
        out = replaceSecret(out, password);
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (SECRET_PARAMS.contains(e.getKey().toLowerCase(Locale.ROOT)) && !e.getKey().equalsIgnoreCase("user")) {
                out = replaceSecret(out, e.getValue());
            }
        }
        return out;
    }

    private static String replaceSecret(String text, String secret) {
        // Very short secrets would mangle ordinary words; the doctor never writes a password into text itself.
        if (secret == null || secret.length() < 4) {
            return text;
        }
        return text.replace(secret, "****");
    }

    /** @return the masked form, never the secrets */
    @Override
    public String toString() {
        return masked();
    }
}
