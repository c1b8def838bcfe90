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
    /** Validates and copies the arguments. */
    public EmulatedUser {
        Objects.requireNonNull(id, "id");
        email = email == null ? id + "@example.test" : email;
        workspaceIds = List.copyOf(workspaceIds);
        if (workspaceIds.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one workspace");
        }
    }
}
