package dev.pdpkit.client.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One mutated answer (or sequence of pages) and what the client must make of it.
 *
 * @param op the operation called
 * @param mutation what was done to the valid answer, for the report
 * @param replies the answers in the order the client will ask for them
 * @param expect what the call must do
 * @param served every JSON document served, parsed, when they are valid JSON (for the no-alteration checks)
 * @param itemsBeforeBreak for {@link Expect#PAGINATION}: how many items the auto-pager must have fetched
 */
record FuzzCase(FuzzOp op, String mutation, List<Reply> replies, Expect expect, List<JsonNode> served,
                int itemsBeforeBreak) {

    /** What the call must do with the answer. */
    enum Expect {
        /** Return the model: the answer is valid UTF-8 JSON without duplicate keys. */
        MODEL,
        /** Return the model, or fail with a {@code PrismaDecodeException} (the envelope itself is broken, or a bound
         * of the reader may or may not be crossed). */
        MODEL_OR_DECODE,
        /** Fail with a {@code PrismaDecodeException} carrying the raw body: the answer cannot be read without loss. */
        DECODE,
        /** Fail with a {@code PrismaDecodeException} or a {@code PrismaNetworkException}: the body broke off. */
        DECODE_OR_NETWORK,
        /** Fail with a {@code PrismaApiException} of the served status. */
        API_ERROR,
        /** Return the first page; its auto-pager ends with a {@code PrismaPaginationException}. */
        PAGINATION
    }

    /** One served answer. */
    record Reply(int status, byte[] body, List<String> headers, int missingBytes) {
        static Reply json(int status, byte[] body, String contentType) {
            return new Reply(status, body, List.of("Content-Type: " + contentType), 0);
        }

        RawHttpServer.Responder responder() {
            if (missingBytes > 0) {
                return Replies.truncated(status, body, missingBytes);
            }
            return Replies.bytes(status, body, headers.toArray(String[]::new));
        }
    }

    int status() {
        return replies.get(0).status();
    }

    @Override
    public String toString() {
        return op + " / " + mutation;
    }
}
