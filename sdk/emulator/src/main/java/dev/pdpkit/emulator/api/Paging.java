package dev.pdpkit.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.emulator.api.Model.Entity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination. The cursor is an opaque, base64url-encoded position in the list's order (the creation sequence
 * number of the last item returned), not an offset: an item inserted while a client pages appears after the items
 * it has already seen (or before them, for newest-first lists), and deleting an item never shifts the others, so no
 * item present for the whole walk is returned twice or skipped.
 */
public final class Paging {
    private static final String PREFIX = "pdp1:";

    private final int defaultLimit;
    private final int maxLimit;

    /**
     * Creates the paging rules.
     *
     * @param defaultLimit the page size when the request has no {@code limit}
     * @param maxLimit the largest page size; larger limits are capped
     */
    public Paging(int defaultLimit, int maxLimit) {
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    /**
     * One page of a list.
     *
     * @param <T> the item type
     * @param items the items of the page, in list order
     * @param nextCursor the cursor of the next page, or null when there is none
     * @param hasMore whether items follow this page
     */
    public record Window<T>(List<T> items, String nextCursor, boolean hasMore) {
        /** @return the {@code pagination} member of a list answer: {@code nextCursor} and {@code hasMore} */
        public ObjectNode paginationJson() {
            ObjectNode p = Json.object();
            if (nextCursor == null) {
                p.putNull("nextCursor");
            } else {
                p.put("nextCursor", nextCursor);
            }
            p.put("hasMore", hasMore);
            return p;
        }
    }

    /**
     * @param <T> the item type
     * @param ordered every item of the list, oldest first
     * @param cursor the cursor the client sent, or null
     * @param limitParam the {@code limit} query parameter as sent, or null
     * @param newestFirst whether the list is shown newest first
     * @return the requested page
     */
    public <T extends Entity> Window<T> page(List<T> ordered, String cursor, String limitParam, boolean newestFirst) {
        int limit = limit(limitParam);
        long after = cursor == null || cursor.isEmpty() ? -1 : decode(cursor, newestFirst);
        List<T> view = new ArrayList<>(ordered);
        if (newestFirst) {
            java.util.Collections.reverse(view);
        }
        List<T> out = new ArrayList<>();
        boolean more = false;
        for (T item : view) {
            if (after >= 0 && (newestFirst ? item.seq >= after : item.seq <= after)) {
                continue;
            }
            if (out.size() == limit) {
                more = true;
                break;
            }
            out.add(item);
        }
        String next = more ? encode(out.get(out.size() - 1).seq, newestFirst) : null;
        return new Window<>(out, next, more);
    }

    /**
     * Parses {@code limit}: a positive whole number; larger values are capped.
     *
     * @param limitParam the {@code limit} query parameter as sent, or null
     * @return the page size to use
     */
    public int limit(String limitParam) {
        if (limitParam == null || limitParam.isEmpty()) {
            return defaultLimit;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(limitParam.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number, got \"" + limitParam + "\".", false);
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
            throw ApiException.badRequest("limit must be a positive whole number, got " + limitParam + ".", false);
        }
        return value.compareTo(BigDecimal.valueOf(maxLimit)) > 0 ? maxLimit : value.intValueExact();
    }

    static String encode(long seq, boolean newestFirst) {
        String raw = PREFIX + seq + (newestFirst ? ":d" : ":a");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor, boolean newestFirst) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String expectedSuffix = newestFirst ? ":d" : ":a";
            if (raw.startsWith(PREFIX) && raw.endsWith(expectedSuffix)) {
                long seq = Long.parseLong(raw.substring(PREFIX.length(), raw.length() - 2));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw new ApiException(400, "invalid_cursor", "The cursor is not valid for this list.",
                "Pass back pagination.nextCursor of the previous page unchanged.", true);
    }
}
