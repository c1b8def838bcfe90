package dev.pdpkit.emulator.junit;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.SeededWorkspace;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Starts one {@link PrismaEmulator} per test class and injects it, and a ready SDK client when the client module is
 * on the classpath.
 *
 * <pre>{@code
 * @ExtendWith(PrismaEmulatorExtension.class)
 * @EmulatorOptions(provisioningDelayMillis = 200)
 * class ProvisioningTest {
 *     PrismaEmulator emulator;                       // injected field
 *
 *     @Test
 *     void creates(PrismaManagement client) { ... }  // SDK client with the partner workspace's service token
 * }
 *
 * class CustomTest {
 *     @RegisterExtension
 *     static PrismaEmulatorExtension emulator = PrismaEmulatorExtension.configure(b -> b.workspace("Solo"));
 * }
 * }</pre>
 *
 * <p>Injected: parameters and fields of type {@link PrismaEmulator}, {@link SeededWorkspace} and
 * {@code dev.pdpkit.client.PrismaManagement} (built with {@code PrismaManagement.builder().baseUrl(..)
 * .serviceToken(..).build()}; {@link EmulatorWorkspace} picks the workspace). Fields are filled only when null.
 * Nested test classes share the emulator of their outer class. Fault scripts are cleared after each test; state is
 * kept for the whole class. After the last test, the class fails if a response violated the OpenAPI document
 * (unless {@link EmulatorOptions#failOnResponseViolations()} is false), and the emulator is closed.
 */
public final class PrismaEmulatorExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        TestInstancePostProcessor, ParameterResolver {
    static final String CLIENT_CLASS = "dev.pdpkit.client.PrismaManagement";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(
            PrismaEmulatorExtension.class);
    private static final String KEY = "emulator";

    private final Consumer<PrismaEmulator.Builder> customizer;
    private final Boolean failOnViolations;
    private volatile PrismaEmulator current;

    /** For {@code @ExtendWith}: defaults, or the test class's {@link EmulatorOptions}. */
    public PrismaEmulatorExtension() {
        this(null, null);
    }

    private PrismaEmulatorExtension(Consumer<PrismaEmulator.Builder> customizer, Boolean failOnViolations) {
        this.customizer = customizer;
        this.failOnViolations = failOnViolations;
    }

    /**
     * For {@code @RegisterExtension static}: the builder is handed to {@code customizer} before the start.
     *
     * @param customizer changes the builder before the emulator starts
     * @return the extension
     */
    public static PrismaEmulatorExtension configure(Consumer<PrismaEmulator.Builder> customizer) {
        return new PrismaEmulatorExtension(Objects.requireNonNull(customizer, "customizer"), null);
    }

    /**
     * Like {@link #configure}, choosing whether response violations fail the class.
     *
     * @param customizer changes the builder before the emulator starts
     * @param failOnResponseViolations whether a response violation fails the test class
     * @return the extension
     */
    public static PrismaEmulatorExtension configure(Consumer<PrismaEmulator.Builder> customizer,
                                                    boolean failOnResponseViolations) {
        return new PrismaEmulatorExtension(Objects.requireNonNull(customizer, "customizer"),
                failOnResponseViolations);
    }

    /** @return the emulator of the running test class (for {@code @RegisterExtension} users) */
    public PrismaEmulator emulator() {
        PrismaEmulator e = current;
        if (e == null) {
            throw new IllegalStateException("the emulator starts before the first test of the class");
        }
        return e;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** The emulator and what must be closed with it. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final PrismaEmulator emulator;
        final boolean failOnViolations;
        final java.util.List<AutoCloseable> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

        Holder(PrismaEmulator emulator, boolean failOnViolations) {
            this.emulator = emulator;
            this.failOnViolations = failOnViolations;
        }

        @Override
        public void close() {
            for (AutoCloseable c : clients) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a client must not hide the test's outcome
                }
            }
            emulator.close();
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private Holder holder(ExtensionContext context) {
        ExtensionContext owner = classContext(context);
        Holder h = owner.getStore(NS).getOrComputeIfAbsent(KEY, k -> start(owner), Holder.class);
        current = h.emulator;
        return h;
    }

    private Holder start(ExtensionContext context) {
        PrismaEmulator.Builder b = PrismaEmulator.builder();
        Optional<EmulatorOptions> options = context.getTestClass()
                .map(c -> c.getAnnotation(EmulatorOptions.class));
        boolean fail = true;
        if (options.isPresent()) {
            EmulatorOptions o = options.get();
            b.provisioningDelay(Duration.ofMillis(o.provisioningDelayMillis()));
            if (o.restoreDelayMillis() >= 0) {
                b.restoreDelay(Duration.ofMillis(o.restoreDelayMillis()));
            }
            b.validateRequests(o.validateRequests()).validateResponses(o.validateResponses());
            fail = o.failOnResponseViolations();
        }
        if (customizer != null) {
            customizer.accept(b);
        }
        if (failOnViolations != null) {
            fail = failOnViolations;
        }
        return new Holder(b.start(), fail);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Holder h = holder(context);
        context.getTestClass().ifPresent(c -> injectFields(null, c, h, context));
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        injectFields(testInstance, testInstance.getClass(), holder(context), context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        holder(context).emulator.faults().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        Holder own = store.get(KEY, Holder.class);
        Holder inherited = context.getParent().map(p -> p.getStore(NS).get(KEY, Holder.class)).orElse(null);
        if (own == null || own == inherited) {
            return; // a nested class: the outer class checks and closes
        }
        // The check runs here, before the store closes the emulator at the end of the class.
        if (own.failOnViolations && !own.emulator.responseViolations().isEmpty()) {
            StringBuilder sb = new StringBuilder("The Prisma emulator sent responses that violate the OpenAPI "
                    + "document:");
            own.emulator.responseViolations().forEach(v -> sb.append("\n  ").append(v.method()).append(' ')
                    .append(v.path()).append(" -> ").append(v.status()).append(": ").append(v.errors()));
            throw new AssertionError(sb.toString());
        }
    }

    // ---- injection -----------------------------------------------------------------------------------------------

    private static boolean isClientType(Class<?> type) {
        return type.getName().equals(CLIENT_CLASS);
    }

    private static boolean supported(Class<?> type) {
        return type == PrismaEmulator.class || type == SeededWorkspace.class || isClientType(type);
    }

    private void injectFields(Object instance, Class<?> type, Holder h, ExtensionContext context) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (isStatic != (instance == null) || Modifier.isFinal(f.getModifiers())
                        || !supported(f.getType())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    if (f.get(instance) == null) {
                        f.set(instance, valueFor(f.getType(), f, h));
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new ExtensionConfigurationException("cannot inject " + f, e);
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return supported(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return valueFor(parameterContext.getParameter().getType(), parameterContext.getParameter(),
                    holder(extensionContext));
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot resolve " + parameterContext.getParameter(), e);
        }
    }

    private static SeededWorkspace workspaceFor(AnnotatedElement element, PrismaEmulator emulator) {
        EmulatorWorkspace w = element.getAnnotation(EmulatorWorkspace.class);
        return w == null ? emulator.partnerWorkspace() : emulator.workspace(w.value());
    }

    private static Object valueFor(Class<?> type, AnnotatedElement element, Holder h) {
        if (type == PrismaEmulator.class) {
            return h.emulator;
        }
        SeededWorkspace ws = workspaceFor(element, h.emulator);
        if (type == SeededWorkspace.class) {
            return ws;
        }
        Object client = newClient(type, h.emulator.baseUrl(), ws.serviceToken());
        if (client instanceof AutoCloseable) {
            h.clients.add((AutoCloseable) client);
        }
        return client;
    }

    /**
     * {@code PrismaManagement.builder().baseUrl(url).serviceToken(token).build()}, by reflection. Methods are looked
     * up on the declared (public) return types, so an implementation class that is not public does not matter.
     */
    static Object newClient(Class<?> clientType, String baseUrl, String serviceToken) {
        try {
            Method builderMethod = clientType.getMethod("builder");
            Object builder = builderMethod.invoke(null);
            Class<?> builderType = builderMethod.getReturnType();
            Method baseUrlMethod = builderType.getMethod("baseUrl", String.class);
            builder = baseUrlMethod.invoke(builder, baseUrl);
            Method tokenMethod = baseUrlMethod.getReturnType().getMethod("serviceToken", String.class);
            builder = tokenMethod.invoke(builder, serviceToken);
            return tokenMethod.getReturnType().getMethod("build").invoke(builder);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build " + clientType.getName()
                    + " with builder().baseUrl(String).serviceToken(String).build()", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("building " + clientType.getName() + " failed", e.getCause());
        }
    }
}
