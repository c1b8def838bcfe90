package dev.pdpkit.cli.internal;

/** A failure the CLI itself detects, with the exit status it maps to; its message is shown as is. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message the one-line message (never a secret)
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** @return the exit status */
    public int exitCode() {
        return exitCode;
    }
}
