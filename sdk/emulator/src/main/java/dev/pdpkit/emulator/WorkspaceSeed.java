package dev.pdpkit.emulator;

import java.util.Objects;

/**
 * How to seed one workspace: its name, and optionally a fixed id, plan and service-token value (random when null).
 *
 * @param name display name
 * @param id workspace id, or null for a generated {@code wksp_...}
 * @param planName subscription plan shown by {@code /v1/workspaces/{id}/subscription}
 * @param serviceToken the seeded service token's value, or null for a random one
 */
public record WorkspaceSeed(String name, String id, String planName, String serviceToken) {
    /**
     * Validates the name; a null plan becomes {@code Free}.
     *
     * @param name display name
     * @param id workspace id, or null for a generated {@code wksp_...}
     * @param planName subscription plan shown by {@code /v1/workspaces/{id}/subscription}
     * @param serviceToken the seeded service token's value, or null for a random one
     * @throws NullPointerException if {@code name} is null
     */
    public WorkspaceSeed {
        Objects.requireNonNull(name, "name");
        planName = planName == null ? "Free" : planName;
    }

    /**
     * Returns a seed with a name only: generated id, plan {@code Free}, random service token.
     *
     * @param name display name
     * @return the seed
     */
    public static WorkspaceSeed named(String name) {
        return new WorkspaceSeed(name, null, null, null);
    }

    /**
     * Returns a copy with a fixed workspace id.
     *
     * @param newId workspace id, or null for a generated one
     * @return the copy
     */
    public WorkspaceSeed withId(String newId) {
        return new WorkspaceSeed(name, newId, planName, serviceToken);
    }

    /**
     * Returns a copy with another subscription plan.
     *
     * @param plan subscription plan name, or null for {@code Free}
     * @return the copy
     */
    public WorkspaceSeed withPlan(String plan) {
        return new WorkspaceSeed(name, id, plan, serviceToken);
    }

    /**
     * Returns a copy with a fixed service-token value.
     *
     * @param value the service token's value, or null for a random one
     * @return the copy
     */
    public WorkspaceSeed withServiceToken(String value) {
        return new WorkspaceSeed(name, id, planName, value);
    }
}
