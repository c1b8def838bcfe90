package dev.pdpkit.client.hardening;

import static dev.pdpkit.client.hardening.FuzzCase.Expect.PAGINATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.hardening.FuzzCase.Reply;
import java.util.List;
import java.util.Random;

/**
 * Pagination that breaks the contract in a way that would truncate a list silently. The auto-pager must end with a
 * {@code PrismaPaginationException} holding every item fetched up to and including the broken page.
 */
final class PageBreaks {
    /** The kinds of break, each also a named drift test. */
    enum Break {
        HAS_MORE_WITH_NULL_CURSOR, HAS_MORE_WITH_EMPTY_CURSOR, HAS_MORE_WITH_NUMBER_CURSOR, PAGINATION_MISSING,
        PAGINATION_NULL, EMPTY_PAGE_WITH_HAS_MORE, REPEATED_CURSOR
    }

    private PageBreaks() {
    }

    static FuzzCase next(FuzzOp op, Random rnd) {
        return of(op, Break.values()[rnd.nextInt(Break.values().length)]);
    }

    /** @return the pages that produce {@code b} for the paged operation {@code op} */
    static FuzzCase of(FuzzOp op, Break b) {
        ObjectNode first = (ObjectNode) op.body();
        int firstItems = first.get("data").size();
        ObjectNode pagination = (ObjectNode) first.get("pagination");
        switch (b) {
            case HAS_MORE_WITH_NULL_CURSOR:
                pagination.put("hasMore", true).putNull("nextCursor");
                return single(op, b, first, firstItems);
            case HAS_MORE_WITH_EMPTY_CURSOR:
                pagination.put("hasMore", true).put("nextCursor", "");
                return single(op, b, first, firstItems);
            case HAS_MORE_WITH_NUMBER_CURSOR:
                pagination.put("hasMore", true).put("nextCursor", 42);
                return single(op, b, first, firstItems);
            case PAGINATION_MISSING:
                first.remove("pagination");
                return single(op, b, first, firstItems);
            case PAGINATION_NULL:
                first.putNull("pagination");
                return single(op, b, first, firstItems);
            default:
                return twoPages(op, b, first, firstItems);
        }
    }

    private static FuzzCase twoPages(FuzzOp op, Break b, ObjectNode first, int firstItems) {
        ((ObjectNode) first.get("pagination")).put("hasMore", true).put("nextCursor", "c1");
        ObjectNode second = (ObjectNode) op.body();
        ArrayNode items = (ArrayNode) second.get("data");
        if (b == Break.EMPTY_PAGE_WITH_HAS_MORE) {
            items.removeAll();
            ((ObjectNode) second.get("pagination")).put("hasMore", true).put("nextCursor", "c2");
        } else {
            ((ObjectNode) second.get("pagination")).put("hasMore", true).put("nextCursor", "c1");
        }
        return new FuzzCase(op, b.name(), List.of(reply(first), reply(second)), PAGINATION, List.of(first, second),
                firstItems + items.size());
    }

    private static FuzzCase single(FuzzOp op, Break b, JsonNode page, int items) {
        return new FuzzCase(op, b.name(), List.of(reply(page)), PAGINATION, List.of(page), items);
    }

    private static Reply reply(JsonNode page) {
        return Reply.json(200, Mutations.bytes(page), Mutations.JSON);
    }
}
