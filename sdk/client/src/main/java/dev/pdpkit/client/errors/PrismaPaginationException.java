package dev.pdpkit.client.errors;

import java.util.List;

/**
 * A list response whose pagination breaks the API's contract in a way that would otherwise truncate the list
 * silently: {@code hasMore: true} without a usable cursor, a missing or null {@code pagination} member, an empty page
 * that claims more, or a cursor that was already followed. The auto-pager ends with this exception instead of
 * stopping early; {@link #itemsSoFar()} holds what was fetched before the broken page.
 */
public final class PrismaPaginationException extends PrismaDecodeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Object> itemsSoFar;
    /** How many pages were fetched, the broken one included. */
    private final int pagesFetched;

    /**
     * Creates the exception.
     *
     * @param statusCode the status of the response with the broken pagination
     * @param message what is broken, free of secrets
     * @param itemsSoFar the items fetched before, in order (including the broken page's own items)
     * @param pagesFetched how many pages were fetched, the broken one included
     */
    public PrismaPaginationException(int statusCode, String message, List<?> itemsSoFar, int pagesFetched) {
        super(statusCode, message + " after " + pagesFetched + " page(s) and " + itemsSoFar.size() + " item(s)",
                null);
        this.itemsSoFar = List.copyOf(itemsSoFar);
        this.pagesFetched = pagesFetched;
    }

    /** @return the items fetched before the list broke off, in order; cast them to the list's item type */
    public List<Object> itemsSoFar() {
        return itemsSoFar;
    }

    /** @return how many pages were fetched, the broken one included */
    public int pagesFetched() {
        return pagesFetched;
    }
}
