package dev.pdpkit.client.waiters;

import dev.pdpkit.client.errors.PrismaException;

/** A {@link Waiter} read a failure status (for a database: {@code failure}); waiting longer would not help. */
public final class ResourceFailedException extends PrismaException {
    private static final long serialVersionUID = 1L;

    /** What was awaited, e.g. {@code database db_123}. */
    private final String resource;
    /** The failure status read. */
    private final String status;

    /**
     * @param resource what was awaited, e.g. {@code database db_123}
     * @param status the failure status read
     */
    public ResourceFailedException(String resource, String status) {
        super(resource + " reached the failure status " + status);
        this.resource = resource;
        this.status = status;
    }

    /** @return what was awaited, e.g. {@code database db_123} */
    public String resource() {
        return resource;
    }

    /** @return the failure status read */
    public String status() {
        return status;
    }
}
