package dev.pdpkit.spring.boot.health;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * The "prisma" health indicator on Spring Boot 3.5, whose {@code org.springframework.boot.actuate.health} API is gone
 * from Boot 4. The starter is compiled against Boot 4, so this implements the Boot 3 interface as a dynamic proxy
 * and builds {@code Health} reflectively: four well-known public methods that Boot 3 has kept since 2.0.
 */
final class Boot3HealthIndicator implements InvocationHandler {
    static final String INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
    private static final String HEALTH = "org.springframework.boot.actuate.health.Health";

    private final PrismaHealthProbe probe;
    private final Method status;
    private final Method withDetails;
    private final Method build;

    private Boot3HealthIndicator(PrismaHealthProbe probe, ClassLoader loader) throws ReflectiveOperationException {
        this.probe = probe;
        Class<?> health = Class.forName(HEALTH, false, loader);
        this.status = health.getMethod("status", String.class);
        Class<?> builder = status.getReturnType();
        this.withDetails = builder.getMethod("withDetails", Map.class);
        this.build = builder.getMethod("build");
    }

    /**
     * @param probe the shared probe
     * @param loader loads Boot 3's classes
     * @return a Boot 3 {@code HealthIndicator}
     * @throws IllegalStateException if Boot 3's health API is not as expected
     */
    static Object create(PrismaHealthProbe probe, ClassLoader loader) {
        try {
            Class<?> indicator = Class.forName(INDICATOR, false, loader);
            return Proxy.newProxyInstance(loader, new Class<?>[] {indicator}, new Boot3HealthIndicator(probe, loader));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("pdpkit: Spring Boot 3's health API is not as expected", e);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "health":
                if (method.getParameterCount() == 0) {
                    PrismaHealthProbe.Result r = probe.check();
                    Object b = status.invoke(null, r.state().name());
                    return build.invoke(withDetails.invoke(b, r.details()));
                }
                break;
            case "toString":
                return "PrismaHealthIndicator[boot3]";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                break;
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        throw new UnsupportedOperationException(method.toString());
    }
}
