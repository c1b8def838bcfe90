package dev.pdpkit.client.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and writes one model type as a Jackson tree. Generated for every schema of the spec; internal, because the
 * public API does not expose Jackson.
 *
 * @param <T> the model type
 */
public interface JsonCodec<T> {

    /**
     * Reads a value.
     *
     * @param node the JSON node, never Java null (a JSON null arrives as a {@code NullNode})
     * @param path the JSON path of {@code node}, for error messages (for example {@code $.data[2].region})
     * @return the value
     * @throws dev.pdpkit.client.errors.PrismaDecodeException if the node cannot be read; the message names the path and
     *     the expected type, never the value
     */
    T decode(JsonNode node, String path);

    /**
     * Writes a value. Fields that are missing in the model are left out; explicit nulls are written as null.
     *
     * @param value the value, not null
     * @return the JSON tree
     */
    JsonNode encode(T value);

    /**
     * Tells whether {@link #decode} uses its path argument when it succeeds (objects pass it to their members).
     * Scalars do not, so their callers can skip building it.
     *
     * @return true unless this codec reads a scalar
     */
    default boolean needsPath() {
        return true;
    }

    /** @return the documented type, for messages, such as {@code "a string"} */
    default String expected() {
        return "the documented type";
    }
}
