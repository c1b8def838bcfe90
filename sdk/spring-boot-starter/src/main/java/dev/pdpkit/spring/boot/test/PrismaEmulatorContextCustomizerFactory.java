package dev.pdpkit.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/** Turns {@link PrismaEmulatorTest} into a context customizer; registered in {@code META-INF/spring.factories}. */
public class PrismaEmulatorContextCustomizerFactory implements ContextCustomizerFactory {
    private static final String EMULATOR = "dev.pdpkit.emulator.PrismaEmulator";

    /** Creates the factory (Spring's TestContext framework does). */
    public PrismaEmulatorContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        PrismaEmulatorTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, PrismaEmulatorTest.class);
        if (test == null) {
            return null;
        }
        if (!ClassUtils.isPresent(EMULATOR, testClass.getClassLoader())) {
            throw new IllegalStateException("@PrismaEmulatorTest on " + testClass.getName()
                    + " needs dev.pdpkit:pdpkit-emulator on the test classpath");
        }
        return new PrismaEmulatorContextCustomizer(test.provisioningDelayMillis(), test.oauth());
    }
}
