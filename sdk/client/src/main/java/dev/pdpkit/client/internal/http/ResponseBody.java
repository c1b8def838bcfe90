package dev.pdpkit.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.internal.json.Codecs;
import dev.pdpkit.client.internal.json.JsonCodec;
import dev.pdpkit.client.internal.json.JsonStreams;

/**
 * How the body of a successful response becomes the value an operation returns.
 *
 * @param <T> the returned type
 */
public interface ResponseBody<T> {

    /**
     * @param root the parsed body, or null when the response had no body
     * @param statusCode the HTTP status
     * @return the value
     */
    T read(JsonNode root, int statusCode);

    /**
     * Reads the body without building a tree, when it has exactly the documented shape.
     *
     * @param body the body as received
     * @return the value, or null when the body must go through {@link #read} (always, unless overridden)
     */
    default T readStreaming(byte[] body) {
        return null;
    }

    /** @return whether this reader needs a JSON body (false for operations answering 204) */
    default boolean expectsBody() {
        return true;
    }

    /**
     * Unwraps the {@code data} member of the documented envelope {@code {"data": ...}}.
     *
     * @param codec the codec of the data type
     * @param <T> the data type
     * @return the reader
     */
    static <T> ResponseBody<T> data(JsonCodec<T> codec) {
        return new ResponseBody<>() {
            @Override
            public T read(JsonNode root, int status) {
                JsonNode data = root == null ? null : root.get("data");
                if (data == null || data.isNull()) {
                    throw new PrismaDecodeException(status, "response has no $.data member", null);
                }
                return decode(codec, data, "$.data", status);
            }

            @Override
            public T readStreaming(byte[] body) {
                return JsonStreams.readData(body, codec);
            }
        };
    }

    /**
     * Unwraps a {@code data} array of the documented envelope, reading each item as tolerantly as a page's items: an
     * item of the wrong shape still yields a model (its members missing) rather than failing the whole list.
     *
     * @param itemCodec the codec of one item
     * @param <T> the item type
     * @return the reader
     */
    static <T> ResponseBody<java.util.List<T>> dataList(JsonCodec<T> itemCodec) {
        JsonCodec<java.util.List<T>> listCodec = Codecs.listOf(itemCodec);
        return new ResponseBody<>() {
            @Override
            public java.util.List<T> read(JsonNode root, int status) {
                JsonNode data = root == null ? null : root.get("data");
                if (data == null || !data.isArray()) {
                    throw new PrismaDecodeException(status, "expected an array at $.data", null);
                }
                java.util.List<T> items = new java.util.ArrayList<>(data.size());
                for (int i = 0; i < data.size(); i++) {
                    items.add(decode(itemCodec, data.get(i), "$.data[" + i + "]", status));
                }
                return java.util.Collections.unmodifiableList(items);
            }

            @Override
            public java.util.List<T> readStreaming(byte[] body) {
                return JsonStreams.readData(body, listCodec);
            }
        };
    }

    /**
     * Reads the whole body with {@code codec} (for responses that are not a plain {@code data} envelope).
     *
     * @param codec the codec
     * @param <T> the type
     * @return the reader
     */
    static <T> ResponseBody<T> whole(JsonCodec<T> codec) {
        return (root, status) -> {
            if (root == null) {
                throw new PrismaDecodeException(status, "response has no body", null);
            }
            return decode(codec, root, "$", status);
        };
    }

    /**
     * Decodes with {@code codec}, giving a decode failure the HTTP status of the response it came from (codecs do not
     * know it).
     *
     * @param codec the codec
     * @param node the node
     * @param path its JSON path
     * @param status the response status
     * @param <T> the type
     * @return the value
     */
    static <T> T decode(JsonCodec<T> codec, JsonNode node, String path, int status) {
        try {
            return codec.decode(node, path);
        } catch (PrismaDecodeException e) {
            // Only the outermost shape can fail: a model's members are read tolerantly. A value that is not even an
            // object still yields a model, with every member missing, so the caller gets the rest of the answer.
            if (!node.isObject()) {
                try {
                    return codec.decode(dev.pdpkit.client.internal.json.Json.NODES.objectNode(), path);
                } catch (PrismaDecodeException again) {
                    // not an object model (a union needs its discriminator): report the original problem
                }
            }
            throw new PrismaDecodeException(status, e.getMessage(), e.getCause());
        }
    }

    /** @return a reader for operations that answer without a body; it returns null */
    static ResponseBody<Void> none() {
        return new ResponseBody<>() {
            @Override
            public Void read(JsonNode root, int statusCode) {
                return null;
            }

            @Override
            public boolean expectsBody() {
                return false;
            }
        };
    }
}
