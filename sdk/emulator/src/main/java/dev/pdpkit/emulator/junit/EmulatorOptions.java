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
    /** How long new databases stay {@code provisioning}, in milliseconds. */
    long provisioningDelayMillis() default 0;

    /** How long restored databases stay {@code recovering}, in milliseconds; negative: same as provisioning. */
    long restoreDelayMillis() default -1;

    /** Check every request against the OpenAPI document. */
    boolean validateRequests() default true;

    /** Check every response against the OpenAPI document (a violation becomes a 500 and is recorded). */
    boolean validateResponses() default true;

    /** Fail the test class after its last test if any response violated the OpenAPI document. */
    boolean failOnResponseViolations() default true;
}
