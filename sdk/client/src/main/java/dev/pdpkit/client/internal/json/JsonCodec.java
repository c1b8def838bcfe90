package dev.pdpkit.client.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

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
     * Reads a value straight from the parser, for the common case only: the value has exactly the documented shape.
     * Anything else (an unknown member, a missing required member, a value of another type, a repeated key, a string
     * in another format) makes it return null, and the caller reads the whole body again as a tree with
     * {@link #decode}, which judges every such case. So the result, when there is one, equals what {@code decode}
     * returns for the same JSON.
     *
     * @param parser positioned on the value's first token
     * @param body the whole body the parser reads, for the raw JSON a model keeps
     * @return the value, or null to leave the body to {@link #decode}; the parser is then in an unspecified place
     * @throws IOException if the parser fails (the caller treats it as a null)
     */
    default T read(JsonParser parser, byte[] body) throws IOException {
        return null;
    }

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
