package dev.pdpkit.client.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Immutable, case-insensitive HTTP headers of a request or response. Values of credential-bearing headers are masked
 * by {@link #toString()}.
 *
 * <p>The headers are kept as name/value pairs in the order they were added; the map view is built only when asked
 * for, since most responses are only looked up by name.
 */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(new String[0]);
    private static final Set<String> SENSITIVE = Set.of("authorization", "cookie", "set-cookie", "proxy-authorization");

    // The Management API documents no request-id header; these are the names its edge and common proxies use.
    private static final List<String> REQUEST_ID_NAMES = List.of("x-request-id", "x-prisma-request-id", "cf-ray");

    /** Names at even indexes, each followed by its value. */
    private final String[] pairs;
    private volatile Map<String, List<String>> map;

    private HttpHeaders(String[] pairs) {
        this.pairs = pairs;
    }

    /** @return headers with no entries */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Copies the given multimap; names are matched without regard to case.
     *
     * @param headers header names to their values
     * @return an immutable copy
     */
    public static HttpHeaders of(Map<String, ? extends List<String>> headers) {
        Builder b = new Builder();
        headers.forEach((name, list) -> list.forEach(value -> b.add(name, value)));
        return b.build();
    }

    /**
     * Starts building headers one value at a time, without intermediate maps.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HttpHeaders}; names are case-insensitive, values keep their order. Not thread-safe. */
    public static final class Builder {
        private String[] pairs = new String[8];
        private int size;

        private Builder() {
        }

        /**
         * Adds one value.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         * @throws NullPointerException if the name or value is null
         */
        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = name;
            pairs[size++] = value;
            return this;
        }

        /**
         * Replaces every value of a header with one value.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         * @throws NullPointerException if the name or value is null
         */
        public Builder set(String name, String value) {
            int kept = 0;
            for (int i = 0; i < size; i += 2) {
                if (!pairs[i].equalsIgnoreCase(name)) {
                    pairs[kept++] = pairs[i];
                    pairs[kept++] = pairs[i + 1];
                }
            }
            Arrays.fill(pairs, kept, size, null);
            size = kept;
            return add(name, value);
        }

        /** @return the headers */
        public HttpHeaders build() {
            return size == 0 ? EMPTY : new HttpHeaders(Arrays.copyOf(pairs, size));
        }
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the first value, or empty when the header is absent
     */
    public Optional<String> first(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                return Optional.of(pairs[i + 1]);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns every value of a header.
     *
     * @param name the header name, any case
     * @return the values in the order received, empty when the header is absent
     */
    public List<String> all(String name) {
        List<String> out = null;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(pairs[i + 1]);
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /**
     * Calls {@code action} with each name and value, in the order they were added (a header with several values is
     * passed once per value).
     *
     * @param action receives a header name and one of its values
     */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    /** @return the request id the server sent, if any ({@code x-request-id}, {@code x-prisma-request-id}, {@code cf-ray}) */
    public Optional<String> requestId() {
        for (String name : REQUEST_ID_NAMES) {
            Optional<String> value = first(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** @return the header names, in case-insensitive order */
    public Set<String> names() {
        return asMap().keySet();
    }

    /** @return the headers as an unmodifiable map, names in case-insensitive order */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> m = map;
        if (m == null) {
            TreeMap<String, List<String>> built = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < pairs.length; i += 2) {
                built.computeIfAbsent(pairs[i], k -> new ArrayList<>(1)).add(pairs[i + 1]);
            }
            built.replaceAll((k, v) -> Collections.unmodifiableList(v));
            m = Collections.unmodifiableMap(built);
            map = m;
        }
        return m;
    }

    /**
     * Tells whether a header carries credentials and must never be printed.
     *
     * @param name a header name
     * @return true for Authorization, Cookie, Set-Cookie and Proxy-Authorization
     */
    public static boolean isSensitive(String name) {
        return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpHeaders && asMap().equals(((HttpHeaders) o).asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HttpHeaders{");
        boolean first = true;
        for (Map.Entry<String, List<String>> e : asMap().entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=').append(isSensitive(e.getKey()) ? "***" : e.getValue());
        }
        return sb.append('}').toString();
    }
}
