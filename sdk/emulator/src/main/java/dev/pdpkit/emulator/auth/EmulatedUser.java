package dev.pdpkit.emulator.auth;

import java.util.List;
import java.util.Objects;

/**
 * A user of the emulated platform. The emulator has no password login: the user the server acts as is chosen in its
 * builder, which is enough to exercise every OAuth client path.
 *
 * @param id the user id; it becomes the {@code sub} claim
 * @param email an e-mail address shown on the consent page
 * @param workspaceIds the workspaces the user belongs to, in display order; at least one
 */
public record EmulatedUser(String id, String email, List<String> workspaceIds) {
    /**
     * Validates and copies the arguments.
     *
     * @param id the user id; it becomes the {@code sub} claim
     * @param email an e-mail address shown on the consent page, or null for {@code <id>@example.test}
     * @param workspaceIds the workspaces the user belongs to, in display order; at least one
     * @throws NullPointerException if {@code id} or {@code workspaceIds} is null
     * @throws IllegalArgumentException if {@code workspaceIds} is empty
     */
    public EmulatedUser {
        Objects.requireNonNull(id, "id");
        email = email == null ? id + "@example.test" : email;
        workspaceIds = List.copyOf(workspaceIds);
        if (workspaceIds.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one workspace");
        }
    }
}
