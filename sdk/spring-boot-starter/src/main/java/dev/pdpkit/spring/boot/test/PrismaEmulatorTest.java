package dev.pdpkit.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@code PrismaEmulator} (from {@code pdpkit-emulator}, a test dependency) for the Spring test context of
 * the annotated class, registers it as a bean, and points the {@code pdpkit.*} properties at it:
 * {@code pdpkit.base-url}, {@code pdpkit.service-token} (the partner workspace's) and {@code pdpkit.oauth.issuer},
 * plus the emulator's confidential OAuth client when {@link #oauth()} is true.
 *
 * <pre>{@code
 * @SpringBootTest
 * @PrismaEmulatorTest
 * class ProvisioningTest {
 *     @Autowired PrismaManagement client;
 *     @Autowired PrismaEmulator emulator;
 * }
 * }</pre>
 *
 * <p>There is one emulator per application context, so it works with Spring's context cache: classes with the same
 * configuration share the cached context and its emulator, which is closed when that context is closed. Properties
 * set in {@code @SpringBootTest(properties = ...)} or {@code @TestPropertySource} win over the emulator's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PrismaEmulatorTest {
    /** @return how long new databases stay {@code provisioning}, in milliseconds */
    long provisioningDelayMillis() default 0;

    /**
     * @return true to also set {@code pdpkit.oauth.client-id}, {@code client-secret} and {@code redirect-uri} to
     *     the emulator's confidential partner client, which creates the {@code PrismaOAuth} and {@code ClaimFlow} beans
     */
    boolean oauth() default false;
}
