package dev.pdpkit.emulator.auth;

/** How the emulated {@code /authorize} endpoint obtains the user's decision. */
public enum ApprovalMode {
    /**
     * Approve at once for the signed-in user and the default workspace, and redirect with {@code code}, {@code state}
     * and {@code iss}. For automated tests.
     */
    AUTO_APPROVE,
    /** Show a small consent page where a person picks a workspace and approves or denies. */
    CONSENT_PAGE
}
