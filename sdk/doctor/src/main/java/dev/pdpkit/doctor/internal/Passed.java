package dev.pdpkit.doctor.internal;

/**
 * A step that worked.
 *
 * @param value what it produced for the next steps
 * @param detail what it saw, free of secrets
 * @param warned true when it worked but something deserves a warning
 * @param <T> the value's type
 */
public record Passed<T>(T value, String detail, boolean warned) {
    /**
     * @param value what the step produced
     * @param detail what it saw
     * @param <T> the value's type
     * @return a plain pass
     */
    public static <T> Passed<T> of(T value, String detail) {
        return new Passed<>(value, detail, false);
    }
}
