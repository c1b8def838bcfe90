package dev.pdpkit.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Settings of the emulator that {@link PrismaEmulatorExtension} starts for the annotated test class, when it is
 * registered with {@code @ExtendWith}. (With {@code @RegisterExtension}, configure the builder instead.)
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EmulatorOptions {
    /**
     * How long new databases stay {@code provisioning}, in milliseconds.
     *
     * @return the delay in milliseconds; 0 by default
     */
    long provisioningDelayMillis() default 0;

    /**
     * How long restored databases stay {@code recovering}, in milliseconds.
     *
     * @return the delay in milliseconds; negative (the default) for the same delay as provisioning
     */
    long restoreDelayMillis() default -1;

    /**
     * Check every request against the OpenAPI document.
     *
     * @return whether requests are validated; true by default
     */
    boolean validateRequests() default true;

    /**
     * Check every response against the OpenAPI document (a violation becomes a 500 and is recorded).
     *
     * @return whether responses are validated; true by default
     */
    boolean validateResponses() default true;

    /**
     * Fail the test class after its last test if any response violated the OpenAPI document.
     *
     * @return whether response violations fail the test class; true by default
     */
    boolean failOnResponseViolations() default true;
}
