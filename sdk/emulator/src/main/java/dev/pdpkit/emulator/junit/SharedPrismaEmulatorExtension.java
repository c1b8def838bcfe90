package dev.pdpkit.emulator.junit;

import dev.pdpkit.emulator.PrismaEmulator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One emulator per name for the whole JVM, closed when the JVM exits: for test classes whose application context
 * outlives the class, such as Spring's cached contexts. {@link PrismaEmulatorExtension} closes its emulator after
 * each class, so a second class that reuses a cached context configured through {@code @DynamicPropertySource} would
 * talk to a closed emulator; with this extension every class sees the same, running one.
 *
 * <pre>{@code
 * @SpringBootTest
 * abstract class EmulatorBackedTest {
 *     @RegisterExtension
 *     static SharedPrismaEmulatorExtension emulator = SharedPrismaEmulatorExtension.shared();
 *
 *     @DynamicPropertySource
 *     static void prisma(DynamicPropertyRegistry registry) {
 *         registry.add("pdpkit.base-url", () -> emulator.emulator().baseUrl());
 *         registry.add("pdpkit.service-token", () -> emulator.emulator().partnerServiceToken());
 *     }
 * }
 * }</pre>
 *
 * <p>State is shared by every class that uses the same name, so tests should create what they need rather than count
 * what exists. Fault scripts are cleared after each test. {@link PrismaEmulator} parameters are injected.
 */
public final class SharedPrismaEmulatorExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
    private static final Map<String, PrismaEmulator> EMULATORS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> EMULATORS.values().forEach(PrismaEmulator::close), "pdpkit-shared-emulators"));
    }

    private final String name;
    private final Consumer<PrismaEmulator.Builder> customizer;

    private SharedPrismaEmulatorExtension(String name, Consumer<PrismaEmulator.Builder> customizer) {
        this.name = Objects.requireNonNull(name, "name");
        this.customizer = Objects.requireNonNull(customizer, "customizer");
    }

    /** @return the extension of the JVM's default shared emulator (default settings) */
    public static SharedPrismaEmulatorExtension shared() {
        return new SharedPrismaEmulatorExtension("default", b -> { });
    }

    /**
     * @param name names the emulator; the first extension to start a name decides its settings
     * @param customizer edits the builder before that start
     * @return the extension of the named shared emulator
     */
    public static SharedPrismaEmulatorExtension shared(String name, Consumer<PrismaEmulator.Builder> customizer) {
        return new SharedPrismaEmulatorExtension(name, customizer);
    }

    /** @return the running emulator, started on first use (also from a {@code @DynamicPropertySource} supplier) */
    public PrismaEmulator emulator() {
        return EMULATORS.compute(name, (k, running) -> {
            if (running != null && !running.isClosed()) {
                return running;
            }
            PrismaEmulator.Builder b = PrismaEmulator.builder();
            customizer.accept(b);
            return b.start();
        });
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        emulator().faults().clear();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PrismaEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return emulator();
    }

    @Override
    public String toString() {
        return "SharedPrismaEmulatorExtension[" + name + "]";
    }
}
