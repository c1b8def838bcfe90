package dev.pdpkit.client.errors;

/**
 * A member of a decoded model that cannot be read as its documented type: missing, {@code null} where the API
 * promises a value, or of another JSON type or format (for example a date-time without an offset). Thrown by the
 * member's accessor and by {@code validate()}, never by the call that returned the model, so a drifted answer still
 * reaches the caller with its other members (and its one-time secrets) intact.
 *
 * <pre>{@code
 * CreatedServiceToken created = client.workspaces().serviceTokens().create(params);
 * String secret = created.value();          // still readable
 * try {
 *     created.createdAt();
 * } catch (PrismaInvalidDataException e) {
 *     e.jsonPath();                         // "$.data.createdAt"
 *     created._createdAt().rawJson();       // what the server actually sent
 * }
 * }</pre>
 */
public final class PrismaInvalidDataException extends PrismaDecodeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the member. */
    public enum Problem {
        /** The key is absent. */
        MISSING,
        /** The key is present with {@code null} where the API promises a value. */
        NULL,
        /** The value has another JSON type or format than documented. */
        WRONG_TYPE
    }

    /** The JSON path of the member, such as {@code $.data.createdAt}. */
    private final String jsonPath;
    /** What is wrong with the member. */
    private final Problem problem;

    /**
     * Creates the exception.
     *
     * @param jsonPath where the member is, such as {@code $.data.workspace.id}
     * @param problem what is wrong with it
     * @param detail the expected type or format, free of the received value
     */
    public PrismaInvalidDataException(String jsonPath, Problem problem, String detail) {
        super(0, jsonPath + " " + describe(problem) + (detail == null ? "" : " (" + detail + ")"), null);
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    private static String describe(Problem problem) {
        switch (problem) {
            case MISSING:
                return "is missing";
            case NULL:
                return "is null";
            default:
                return "has an unexpected type or format";
        }
    }

    /** @return the JSON path of the member, such as {@code $.data.createdAt} */
    public String jsonPath() {
        return jsonPath;
    }

    /** @return what is wrong with the member */
    public Problem problem() {
        return problem;
    }
}
