package dev.pdpkit.doctor;

/**
 * Thrown when the doctor is used wrongly (for example {@link ConnectionDoctor#checkDatabase} without a client).
 * Problems with the database itself are never thrown: they are {@link Finding}s in a {@link DoctorReport}.
 */
public final class DoctorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DoctorException(String message) {
        super(message);
    }
}
