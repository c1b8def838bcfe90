package dev.pdpkit.client.internal.json;

import dev.pdpkit.client.core.JsonField;
import java.util.Map;

/**
 * Builds the {@code toString()} of generated models and params, for example
 * {@code Connection{id=con_1, name=main, connectionString=***}}. Internal: not part of the public API.
 *
 * <p>Missing fields are left out, explicit nulls print as {@code null}, secret fields print as {@code ***} whenever
 * they hold a value. Nested models and lists print through their own {@code toString()}, so their secrets are masked
 * too. Unknown (additional) properties print their names only: a member the SDK does not know may well be a secret.
 */
public final class ToStringHelper {
    private static final String MASK = "***";

    private final StringBuilder sb;
    private boolean first = true;

    private ToStringHelper(String typeName) {
        this.sb = new StringBuilder(typeName).append('{');
    }

    /**
     * Starts a description.
     *
     * @param typeName the simple type name
     * @return a helper
     */
    public static ToStringHelper of(String typeName) {
        return new ToStringHelper(typeName);
    }

    /**
     * Adds a field unless it is missing.
     *
     * @param name the field name
     * @param field the field
     * @return this helper
     */
    public ToStringHelper add(String name, JsonField<?> field) {
        if (field.isNull()) {
            return append(name, "null");
        }
        return field.isPresent() ? append(name, String.valueOf(field.get())) : this;
    }

    /**
     * Adds a secret field unless it is missing; a value is shown as {@code ***}.
     *
     * @param name the field name
     * @param field the field
     * @return this helper
     */
    public ToStringHelper addSecret(String name, JsonField<?> field) {
        if (field.isNull()) {
            return append(name, "null");
        }
        return field.isPresent() ? append(name, MASK) : this;
    }

    /**
     * Adds a plain value unless it is null.
     *
     * @param name the name
     * @param value the value or null
     * @return this helper
     */
    public ToStringHelper addValue(String name, Object value) {
        return value == null ? this : append(name, String.valueOf(value));
    }

    /**
     * Adds a secret plain value unless it is null; it is shown as {@code ***}.
     *
     * @param name the name
     * @param value the value or null
     * @return this helper
     */
    public ToStringHelper addSecretValue(String name, Object value) {
        return value == null ? this : append(name, MASK);
    }

    /**
     * Adds the names (not the values) of unknown properties, when there are any.
     *
     * @param name the label, e.g. {@code additionalProperties}
     * @param values the properties
     * @return this helper
     */
    public ToStringHelper addNames(String name, Map<String, ?> values) {
        return values.isEmpty() ? this : append(name, values.keySet().toString());
    }

    private ToStringHelper append(String name, String text) {
        if (!first) {
            sb.append(", ");
        }
        first = false;
        sb.append(name).append('=').append(text);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString() + '}';
    }
}
