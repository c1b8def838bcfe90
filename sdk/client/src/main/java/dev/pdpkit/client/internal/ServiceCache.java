package dev.pdpkit.client.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's services, each created on first use: a program that calls one service loads none of the other
 * services' classes, which keeps a script's start-up short. Thread-safe. Internal: not part of the public API.
 */
public final class ServiceCache {
    private final ClientContext context;
    private final ConcurrentHashMap<Class<?>, Object> services = new ConcurrentHashMap<>(16);

    /**
     * @param context the context every service is created with
     */
    public ServiceCache(ClientContext context) {
        this.context = context;
    }

    /**
     * Returns the service of a type, creating it the first time.
     *
     * @param type the service class
     * @param <S> the service type
     * @return the one instance of that service for this client
     */
    public <S> S get(Class<S> type) {
        Object s = services.get(type);
        if (s == null) {
            s = services.computeIfAbsent(type, t -> ServiceAccess.create(t, context));
        }
        return type.cast(s);
    }
}
