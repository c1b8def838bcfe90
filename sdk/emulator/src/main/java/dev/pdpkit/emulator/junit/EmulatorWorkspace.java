package dev.pdpkit.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the seeded workspace whose service token an injected SDK client uses, or which {@code SeededWorkspace} is
 * injected. Without it, the first ("Partner Workspace") is used.
 *
 * <pre>{@code
 * @Test
 * void claim(PrismaManagement partner, @EmulatorWorkspace(PrismaEmulator.USER_WORKSPACE) PrismaManagement user) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface EmulatorWorkspace {
    /**
     * Name or id of a seeded workspace.
     *
     * @return the workspace's name or id
     */
    String value();
}
