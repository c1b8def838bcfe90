package dev.pdpkit.codegen;

/** The spec uses a construct the generator does not understand, or breaks one of its conventions. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where the location in the spec, e.g. {@code components.schemas.Database.properties.region}
     * @param message what is wrong there
     */
    public SpecException(String where, String message) {
        super(where + ": " + message);
    }
}
