package dev.pdpkit.client.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable, case-insensitive HTTP headers of a response. Values of credential-bearing headers are masked by
 * {@link #toString()}.
 */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(Map.of());
    private static final Set<String> SENSITIVE = Set.of("authorization", "cookie", "set-cookie", "proxy-authorization");

    // The Management API documents no request-id header; these are the names its edge and common proxies use.
    private static final List<String> REQUEST_ID_NAMES = List.of("x-request-id", "x-prisma-request-id", "cf-ray");

    private final Map<String, List<String>> values;

    private HttpHeaders(Map<String, List<String>> values) {
        this.values = values;
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
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) -> copy.merge(name, List.copyOf(list), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        return new HttpHeaders(Collections.unmodifiableMap(copy));
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
        private final TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /**
         * Adds one value.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder add(String name, String value) {
            values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            return this;
        }

        /**
         * Replaces every value of a header with one value.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder set(String name, String value) {
            List<String> one = new ArrayList<>(1);
            one.add(value);
            values.put(name, one);
            return this;
        }

        /** @return the headers */
        public HttpHeaders build() {
            values.replaceAll((k, v) -> Collections.unmodifiableList(v));
            return new HttpHeaders(Collections.unmodifiableMap(values));
        }
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the first value, or empty when the header is absent
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * Returns every value of a header.
     *
     * @param name the header name, any case
     * @return the values, empty when the header is absent
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
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
        return values.keySet();
    }

    /** @return the headers as an unmodifiable map */
    public Map<String, List<String>> asMap() {
        return values;
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
        return o instanceof HttpHeaders && values.equals(((HttpHeaders) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HttpHeaders{");
        boolean first = true;
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=').append(isSensitive(e.getKey()) ? "***" : e.getValue());
        }
        return sb.append('}').toString();
    }
}
