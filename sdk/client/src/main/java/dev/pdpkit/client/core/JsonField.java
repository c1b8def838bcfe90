package dev.pdpkit.client.core;

import dev.pdpkit.client.errors.PrismaInvalidDataException;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON field that tells apart the states the wire can carry: the key was absent, the key was present with
 * {@code null}, the key was present with a value, or the key was present with a value the SDK cannot read as the
 * documented type (invalid: another JSON type, or a string in another format).
 *
 * <p>Models keep every field as a {@code JsonField}, so that a {@code PATCH} built with only {@code name} set sends only
 * {@code name}, and a field the server omitted is not confused with one it set to {@code null}.
 *
 * <pre>{@code
 * JsonField<String> name = project._name();
 * if (name.isMissing()) { ... }            // not in the JSON at all
 * else if (name.isNull()) { ... }          // "name": null
 * else if (name.isInvalid()) {              // "name": 42
 *     JsonValue raw = name.rawJson().orElseThrow();
 * } else { String value = name.get(); }    // "name": "..."
 * }</pre>
 *
 * <p>Fields read from a response know their JSON path ({@link #jsonPath()}), so that {@link #get()} on a missing,
 * null or invalid field throws a {@link PrismaInvalidDataException} that says where.
 *
 * @param <T> the value type
 */
public final class JsonField<T> {
    private static final JsonField<?> MISSING = new JsonField<>(State.MISSING, null, null, null, null);
    private static final JsonField<?> NULL = new JsonField<>(State.NULL, null, null, null, null);

    private enum State { MISSING, NULL, PRESENT, INVALID }

    private final State state;
    private final T value;
    private final String path;
    private final JsonValue raw;
    private final String expected;

    private JsonField(State state, T value, String path, JsonValue raw, String expected) {
        this.state = state;
        this.value = value;
        this.path = path;
        this.raw = raw;
        this.expected = expected;
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
        return new JsonField<>(State.PRESENT, Objects.requireNonNull(value, "value"), null, null, null);
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

    /**
     * Returns a missing field that remembers where it was looked for, as a decoder builds it. A model read from JSON
     * keeps such a field even when it is required, so that the rest of the answer is not lost.
     *
     * @param jsonPath where the member was expected, such as {@code $.data.createdAt}
     * @param <T> the value type
     * @return a missing field with a path
     */
    public static <T> JsonField<T> missingAt(String jsonPath) {
        return new JsonField<>(State.MISSING, null, Objects.requireNonNull(jsonPath, "jsonPath"), null, null);
    }

    /**
     * Returns an explicit-null field that remembers where it was read.
     *
     * @param jsonPath where the member was read
     * @param <T> the value type
     * @return a null field with a path
     */
    public static <T> JsonField<T> nullAt(String jsonPath) {
        return new JsonField<>(State.NULL, null, Objects.requireNonNull(jsonPath, "jsonPath"), null, null);
    }

    /**
     * Returns a field whose value is present but cannot be read as the documented type. It keeps the value as sent;
     * encoding writes it back unchanged.
     *
     * @param jsonPath where the member was read
     * @param raw the value as sent
     * @param expected the documented type or format, such as {@code "a date-time string with an offset"}
     * @param <T> the value type
     * @return an invalid field
     */
    public static <T> JsonField<T> invalid(String jsonPath, JsonValue raw, String expected) {
        return new JsonField<>(State.INVALID, null, Objects.requireNonNull(jsonPath, "jsonPath"),
                Objects.requireNonNull(raw, "raw"), expected);
    }

    /** @return true when the key was absent from the JSON object */
    public boolean isMissing() {
        return state == State.MISSING;
    }

    /** @return true when the key was present with a JSON {@code null} */
    public boolean isNull() {
        return state == State.NULL;
    }

    /** @return true when the key was present with a readable, non-null value */
    public boolean isPresent() {
        return state == State.PRESENT;
    }

    /** @return true when the key was present with a value that cannot be read as the documented type */
    public boolean isInvalid() {
        return state == State.INVALID;
    }

    /** @return where this field was read from, for fields a decoder built; empty for fields set by hand */
    public java.util.Optional<String> jsonPath() {
        return java.util.Optional.ofNullable(path);
    }

    /** @return the value exactly as sent, for an {@linkplain #isInvalid() invalid} field; empty otherwise */
    public java.util.Optional<JsonValue> rawJson() {
        return java.util.Optional.ofNullable(raw);
    }

    /**
     * Returns the value.
     *
     * @return the value
     * @throws PrismaInvalidDataException when the field is missing, null or invalid; it names the JSON path
     */
    public T get() {
        if (state != State.PRESENT) {
            throw problem();
        }
        return value;
    }

    /**
     * Returns the value if there is one. A missing or null field is empty; an invalid one is not silently empty.
     *
     * @return the value, or empty when the field is missing or null
     * @throws PrismaInvalidDataException when the field is invalid
     */
    public java.util.Optional<T> asOptional() {
        if (state == State.INVALID) {
            throw problem();
        }
        return java.util.Optional.ofNullable(value);
    }

    /**
     * Builds the exception {@link #get()} throws for this field's state.
     *
     * @return the exception, naming the JSON path (or {@code $} when the field was set by hand)
     * @throws IllegalStateException when the field is present
     */
    public PrismaInvalidDataException problem() {
        String where = path == null ? "$" : path;
        switch (state) {
            case MISSING:
                return new PrismaInvalidDataException(where, PrismaInvalidDataException.Problem.MISSING, null);
            case NULL:
                return new PrismaInvalidDataException(where, PrismaInvalidDataException.Problem.NULL, null);
            case INVALID:
                return new PrismaInvalidDataException(where, PrismaInvalidDataException.Problem.WRONG_TYPE,
                        expected == null ? "found JSON " + raw.type() : "expected " + expected + ", found JSON "
                                + raw.type());
            default:
                throw new IllegalStateException("the field is present");
        }
    }

    /** Two fields are equal when state and value (or raw value) are; where they were read is not compared. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonField)) {
            return false;
        }
        JsonField<?> other = (JsonField<?>) o;
        return state == other.state && Objects.equals(value, other.value) && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, value, raw);
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
