package dev.pdpkit.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A transport-neutral description of one API call, built by the generated services. Immutable; {@link #withQuery}
 * derives the request for another page.
 */
public final class ApiRequest {
    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final JsonNode body;
    private final IdempotencyKind idempotency;
    private final boolean unauthorizedMeansBodyCredential;

    /** How a request may be retried after it may have reached the server. */
    public enum IdempotencyKind {
        /** GET, HEAD, PUT, DELETE: repeating has no further effect. */
        IDEMPOTENT,
        /** A POST or PATCH that could duplicate work if repeated. */
        NON_IDEMPOTENT,
        /** A create carrying a {@code logicalId}: a repeat is answered with 409 and is recoverable. */
        LOGICAL_ID_CREATE
    }

    private ApiRequest(Builder b) {
        this.operationId = b.operationId;
        this.method = b.method;
        this.pathTemplate = b.pathTemplate;
        // A builder makes one request, so its maps are taken over rather than copied.
        this.pathParams = Collections.unmodifiableMap(b.pathParams);
        if (b.query == null || b.query.isEmpty()) {
            this.query = Map.of();
        } else {
            b.query.replaceAll((k, v) -> List.copyOf(v));
            this.query = Collections.unmodifiableMap(b.query);
        }
        this.body = b.body;
        this.idempotency = b.idempotency != null ? b.idempotency
                : ("POST".equals(method) || "PATCH".equals(method)) ? IdempotencyKind.NON_IDEMPOTENT
                : IdempotencyKind.IDEMPOTENT;
        this.unauthorizedMeansBodyCredential = b.unauthorizedMeansBodyCredential;
    }

    /**
     * Starts a request.
     *
     * @param operationId the spec's operationId, used in logs
     * @param method the HTTP method
     * @param pathTemplate the path with {@code {name}} placeholders, starting with {@code /v1}
     * @return a builder
     */
    public static Builder builder(String operationId, String method, String pathTemplate) {
        return new Builder(operationId, method, pathTemplate);
    }

    public String operationId() {
        return operationId;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** @return the JSON body, or null when the request has none */
    public JsonNode body() {
        return body;
    }

    public IdempotencyKind idempotency() {
        return idempotency;
    }

    /** @return true when a 401 rejects a credential in the body (declared in the spec), not the caller's token */
    public boolean unauthorizedMeansBodyCredential() {
        return unauthorizedMeansBodyCredential;
    }

    /**
     * Returns the path with every placeholder replaced by its percent-encoded value.
     *
     * @return the concrete path
     * @throws IllegalArgumentException if a placeholder has no value
     */
    public String resolvedPath() {
        StringBuilder out = new StringBuilder(pathTemplate.length() + 32);
        appendPath(out);
        return out.toString();
    }

    private void appendPath(StringBuilder out) {
        int i = 0;
        while (i < pathTemplate.length()) {
            int open = pathTemplate.indexOf('{', i);
            if (open < 0) {
                out.append(pathTemplate, i, pathTemplate.length());
                break;
            }
            int close = pathTemplate.indexOf('}', open);
            out.append(pathTemplate, i, open);
            String name = pathTemplate.substring(open + 1, close);
            String value = pathParams.get(name);
            if (value == null) {
                throw new IllegalArgumentException("path parameter '" + name + "' is required");
            }
            encodeInto(out, value);
            i = close + 1;
        }
    }

    /**
     * Returns a copy with one query parameter replaced (or removed when {@code value} is null).
     *
     * @param name the parameter
     * @param value the new value or null
     * @return the new request
     */
    public ApiRequest withQuery(String name, String value) {
        Builder b = toBuilder();
        b.queryMap().remove(name);
        if (value != null) {
            b.query(name, value);
        }
        return b.build();
    }

    /**
     * Returns a copy with another body and idempotency kind, for example a create with a generated {@code logicalId}.
     *
     * @param newBody the body
     * @param kind the idempotency kind
     * @return the new request
     */
    public ApiRequest withBody(JsonNode newBody, IdempotencyKind kind) {
        Builder b = toBuilder();
        b.body = newBody;
        b.idempotency = kind;
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder(operationId, method, pathTemplate);
        b.pathParams.putAll(pathParams);
        query.forEach((k, v) -> b.queryMap().put(k, new ArrayList<>(v)));
        b.body = body;
        b.idempotency = idempotency;
        b.unauthorizedMeansBodyCredential = unauthorizedMeansBodyCredential;
        return b;
    }

    /**
     * Returns the concrete path followed by the encoded query string, as sent.
     *
     * @return for example {@code /v1/projects?cursor=abc&limit=10}
     */
    public String resolvedPathAndQuery() {
        return url("");
    }

    /**
     * Returns the full URL of this request, built in one pass.
     *
     * @param base the API base without a trailing slash, such as {@code https://api.prisma.io}
     * @return the base, the resolved path and the encoded query
     */
    public String url(String base) {
        StringBuilder sb = new StringBuilder(base.length() + pathTemplate.length() + 48).append(base);
        appendPath(sb);
        char sep = '?';
        for (Map.Entry<String, List<String>> q : query.entrySet()) {
            for (String v : q.getValue()) {
                sb.append(sep);
                encodeInto(sb, q.getKey());
                sb.append('=');
                encodeInto(sb, v);
                sep = '&';
            }
        }
        return sb.toString();
    }

    /**
     * Checks a path id before anything is sent: an empty id, {@code .} or {@code ..} would address another resource
     * once a server or proxy normalises the path ({@code projects().get("..")} would call {@code GET /v1/}).
     */
    static void checkPathValue(String name, String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("path parameter '" + name + "' must not be "
                    + (value.isEmpty() ? "empty" : "'" + value + "'"));
        }
    }

    static String encodePathSegment(String value) {
        return encode(value);
    }

    private static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        encodeInto(sb, value);
        return sb.toString();
    }

    private static void encodeInto(StringBuilder sb, String value) {
        if (isUnreserved(value)) {
            sb.append(value); // ids and cursors usually need no escaping: no byte array, no second pass
            return;
        }
        for (byte c : value.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                    || u == '-' || u == '_' || u == '.' || u == '~') {
                sb.append((char) u);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(u >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(u & 0xf, 16)));
            }
        }
    }

    private static boolean isUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            char u = value.charAt(i);
            if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                    || u == '-' || u == '_' || u == '.' || u == '~')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ApiRequest{" + operationId + " " + method + " " + pathTemplate + "}";
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String operationId;
        private final String method;
        private final String pathTemplate;
        private final Map<String, String> pathParams = new LinkedHashMap<>();
        private Map<String, List<String>> query;
        private JsonNode body;
        private IdempotencyKind idempotency;
        private boolean unauthorizedMeansBodyCredential;

        private Builder(String operationId, String method, String pathTemplate) {
            this.operationId = Objects.requireNonNull(operationId);
            this.method = Objects.requireNonNull(method);
            this.pathTemplate = Objects.requireNonNull(pathTemplate);
        }

        /**
         * @param name placeholder name
         * @param value the raw (unencoded) value
         * @return this builder
         * @throws NullPointerException if the value is null
         * @throws IllegalArgumentException if the value is empty, {@code .} or {@code ..}
         */
        public Builder pathParam(String name, String value) {
            Objects.requireNonNull(value, () -> "path parameter '" + name + "' is required");
            checkPathValue(name, value);
            pathParams.put(name, value);
            return this;
        }

        /**
         * Adds a query parameter; null values are skipped, collections add one entry per element.
         *
         * @param name the parameter
         * @param value a String, Number, Boolean, enum-like value (its {@code toString()}), or a collection of those
         * @return this builder
         */
        public Builder query(String name, Object value) {
            if (value == null) {
                return this;
            }
            if (value instanceof Iterable) {
                for (Object o : (Iterable<?>) value) {
                    query(name, o);
                }
                return this;
            }
            queryMap().computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
            return this;
        }

        private Map<String, List<String>> queryMap() {
            if (query == null) {
                query = new LinkedHashMap<>();
            }
            return query;
        }

        /**
         * @param body the JSON body, or null for none
         * @return this builder
         */
        public Builder body(JsonNode body) {
            this.body = body;
            return this;
        }

        /**
         * Overrides the idempotency derived from the method.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder idempotency(IdempotencyKind kind) {
            this.idempotency = kind;
            return this;
        }

        /**
         * Declares that a 401 rejects a credential in the body rather than the caller's token.
         *
         * @param value true for such operations
         * @return this builder
         */
        public Builder unauthorizedMeansBodyCredential(boolean value) {
            this.unauthorizedMeansBodyCredential = value;
            return this;
        }

        /** @return the request */
        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
