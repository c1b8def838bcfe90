package dev.pdpkit.spring.boot;

import dev.pdpkit.client.PrismaManagement;

/**
 * A bean of this type adjusts the auto-configured {@link PrismaManagement} before it is built, after the
 * {@code pdpkit.*} properties were applied (for example to add a circuit breaker or a header).
 */
@FunctionalInterface
public interface PrismaManagementCustomizer {
    /**
     * Adjusts the builder.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(PrismaManagement.Builder builder);
}
