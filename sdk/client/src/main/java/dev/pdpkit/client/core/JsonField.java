package dev.pdpkit.client.core;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON field that tells apart the three states the wire can carry: the key was absent, the key was present with
 * {@code null}, or the key was present with a value.
 *
 * <p>Models keep every field as a {@code JsonField}, so that a {@code PATCH} built with only {@code name} set sends only
 * {@code name}, and a field the server omitted is not confused with one it set to {@code null}.
 *
 * <pre>{@code
 * JsonField<String> name = project._name();
 * if (name.isMissing()) { ... }            // not in the JSON at all
 * else if (name.isNull()) { ... }          // "name": null
 * else { String value = name.get(); }     // "name": "..."
 * }</pre>
 *
 * @param <T> the value type
 */
public final class JsonField<T> {
    private static final JsonField<?> MISSING = new JsonField<>(State.MISSING, null);
    private static final JsonField<?> NULL = new JsonField<>(State.NULL, null);

    private enum State { MISSING, NULL, PRESENT }

    private final State state;
    private final T value;

    private JsonField(State state, T value) {
        this.state = state;
        this.value = value;
    }

    /**
     * Returns the field state for a key that is absent from the JSON object.
     *
     * @param <T> the value type
     * @return the shared "missing" instance
     */
    @SuppressWarnings("unchecked")
    public static <T> JsonField<T> missing() {
        return (JsonField<T>) MISSING;
    }

    /**
     * Returns the field state for a key that is present with a JSON {@code null}.
     *
     * @param <T> the value type
     * @return the shared "null" instance
     */
    @SuppressWarnings("unchecked")
    public static <T> JsonField<T> ofNull() {
        return (JsonField<T>) NULL;
    }

    /**
     * Returns a present field holding {@code value}.
     *
     * @param value the value, not {@code null}
     * @param <T> the value type
     * @return a present field
     * @throws NullPointerException if {@code value} is null; use {@link #ofNullable(Object)} or {@link #ofNull()}
     */
    public static <T> JsonField<T> of(T value) {
        return new JsonField<>(State.PRESENT, Objects.requireNonNull(value, "value"));
    }

    /**
     * Returns a present field holding {@code value}, or the explicit-null field when {@code value} is null.
     *
     * @param value the value or null
     * @param <T> the value type
     * @return a present or explicit-null field, never a missing one
     */
    public static <T> JsonField<T> ofNullable(T value) {
        return value == null ? ofNull() : of(value);
    }

    /** @return true when the key was absent from the JSON object */
    public boolean isMissing() {
        return state == State.MISSING;
    }

    /** @return true when the key was present with a JSON {@code null} */
    public boolean isNull() {
        return state == State.NULL;
    }

    /** @return true when the key was present with a non-null value */
    public boolean isPresent() {
        return state == State.PRESENT;
    }

    /**
     * Returns the value.
     *
     * @return the value
     * @throws NoSuchElementException when the field is missing or null
     */
    public T get() {
        if (state != State.PRESENT) {
            throw new NoSuchElementException("JSON field is " + (state == State.NULL ? "null" : "missing"));
        }
        return value;
    }

    /** @return the value, or empty when the field is missing or null */
    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonField)) {
            return false;
        }
        JsonField<?> other = (JsonField<?>) o;
        return state == other.state && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, value);
    }

    /**
     * Describes the state only. The value is left out on purpose: models decide how a value is printed, and a secret
     * field must never reach a log through this method.
     */
    @Override
    public String toString() {
        return "JsonField[" + state.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
