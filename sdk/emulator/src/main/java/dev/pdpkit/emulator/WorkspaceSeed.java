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
    public WorkspaceSeed {
        Objects.requireNonNull(name, "name");
        planName = planName == null ? "Free" : planName;
    }

    public static WorkspaceSeed named(String name) {
        return new WorkspaceSeed(name, null, null, null);
    }

    public WorkspaceSeed withId(String newId) {
        return new WorkspaceSeed(name, newId, planName, serviceToken);
    }

    public WorkspaceSeed withPlan(String plan) {
        return new WorkspaceSeed(name, id, plan, serviceToken);
    }

    public WorkspaceSeed withServiceToken(String value) {
        return new WorkspaceSeed(name, id, planName, value);
    }
}
