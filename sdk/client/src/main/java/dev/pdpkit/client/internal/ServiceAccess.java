package dev.pdpkit.client.internal;

/**
 * How the client creates its generated services without their constructors being public: the services package
 * registers a factory here when it is first loaded (the JDK's "shared secrets" pattern). Internal: not part of the
 * public API.
 */
public final class ServiceAccess {
    private static final String BOOTSTRAP = "dev.pdpkit.client.services.ServiceBootstrap";
    private static volatile Factory factory;

    private ServiceAccess() {
    }

    /** Creates a top-level service by its simple class name. */
    public interface Factory {
        /**
         * @param serviceName the service's simple class name, such as {@code ProjectsService}
         * @param context the client's context
         * @return the service
         */
        Object create(String serviceName, ClientContext context);
    }

    /**
     * Called once by the generated services package.
     *
     * @param f the factory
     */
    public static void register(Factory f) {
        factory = f;
    }

    /**
     * Creates a service.
     *
     * @param type the service class
     * @param context the client's context
     * @param <S> the service type
     * @return the service
     */
    public static <S> S create(Class<S> type, ClientContext context) {
        Factory f = factory;
        if (f == null) {
            try {
                Class.forName(BOOTSTRAP, true, ServiceAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("generated services are missing from the classpath", e);
            }
            f = factory;
        }
        return type.cast(f.create(type.getSimpleName(), context));
    }
}
