package dev.pdpkit.emulator.auth;

import java.util.Objects;

/**
 * A workspace a user can grant an application access to.
 *
 * @param id the workspace id, for example {@code wksp_123}; it becomes the {@code workspace_id} claim
 * @param name a display name for the consent page
 */
public record EmulatedWorkspace(String id, String name) {
    /**
     * Validates the arguments.
     *
     * @param id the workspace id, for example {@code wksp_123}; it becomes the {@code workspace_id} claim
     * @param name a display name for the consent page, or null to show the id
     * @throws NullPointerException if {@code id} is null
     */
    public EmulatedWorkspace {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }
}
