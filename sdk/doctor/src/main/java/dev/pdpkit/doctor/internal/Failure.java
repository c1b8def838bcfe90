package dev.pdpkit.doctor.internal;

import dev.pdpkit.doctor.Finding;

/** A step that failed: the finding, what the step saw (secrets masked) and the SQLSTATE, if one was reported. */
public final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    /** What the failure means. */
    private final transient Finding finding;
    /** The SQLSTATE reported with it, or null. */
    private final String sqlState;

    /**
     * @param finding what it means
     * @param detail what the step saw, already free of secrets
     * @param sqlState the SQLSTATE, or null
     */
    public Failure(Finding finding, String detail, String sqlState) {
        super(detail, null, false, false);
        this.finding = finding;
        this.sqlState = sqlState;
    }

    /**
     * @param finding what it means
     * @param detail what the step saw, already free of secrets
     */
    public Failure(Finding finding, String detail) {
        this(finding, detail, null);
    }

    /** @return the finding */
    public Finding finding() {
        return finding;
    }

    /** @return the detail: what the step saw */
    public String detail() {
        return getMessage();
    }

    /** @return the SQLSTATE, or null */
    public String sqlState() {
        return sqlState;
    }
}
