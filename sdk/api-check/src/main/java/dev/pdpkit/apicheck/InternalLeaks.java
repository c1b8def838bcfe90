package dev.pdpkit.apicheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds internal types that the API exposes: an API type that extends or implements one, or a public or protected
 * constructor, method or field whose signature (parameters, return type, type arguments, bounds, exceptions) names
 * one. A caller could then not use that part of the API without depending on an internal package.
 */
public final class InternalLeaks {
    private InternalLeaks() {
    }

    /**
     * @param apiTypes API types from {@link ApiListing#apiTypes}
     * @return one line per leak, {@code <type>: <signature> -> <internal type>}, sorted
     */
    public static List<String> find(List<Class<?>> apiTypes) {
        Set<String> leaks = new TreeSet<>();
        for (Class<?> type : apiTypes) {
            List<Type> heritage = new ArrayList<>(List.of(type.getGenericInterfaces()));
            if (type.getGenericSuperclass() != null) {
                heritage.add(type.getGenericSuperclass());
            }
            Collections.addAll(heritage, type.getTypeParameters());
            report(leaks, type, Signatures.type(type), heritage.toArray(new Type[0]));
            ApiListing.visible(type.getDeclaredConstructors()).map(c -> (Constructor<?>) c).forEach(c ->
                    report(leaks, type, Signatures.constructor(c), concat(c.getGenericParameterTypes(),
                            c.getGenericExceptionTypes(), c.getTypeParameters())));
            ApiListing.visible(type.getDeclaredFields()).map(f -> (Field) f).forEach(f ->
                    report(leaks, type, Signatures.field(f), new Type[] {f.getGenericType()}));
            ApiListing.visible(type.getDeclaredMethods()).map(m -> (Method) m).filter(m -> !m.isBridge())
                    .forEach(m -> report(leaks, type, Signatures.method(m), concat(m.getGenericParameterTypes(),
                            m.getGenericExceptionTypes(), m.getTypeParameters(),
                            new Type[] {m.getGenericReturnType()})));
        }
        return new ArrayList<>(leaks);
    }

    private static void report(Set<String> leaks, Class<?> owner, String signature, Type[] types) {
        Set<Class<?>> internal = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        Set<Type> seen = new HashSet<>();
        for (Type t : types) {
            collectInternal(t, internal, seen);
        }
        for (Class<?> c : internal) {
            leaks.add(owner.getName() + ": " + signature + " -> " + c.getName());
        }
    }

    private static void collectInternal(Type t, Set<Class<?>> out, Set<Type> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && ApiListing.isInternalPackage(c.getPackageName())) {
                out.add(c);
            }
        } else if (t instanceof ParameterizedType p) {
            collectInternal(p.getRawType(), out, seen);
            collectInternal(p.getOwnerType(), out, seen);
            Stream.of(p.getActualTypeArguments()).forEach(a -> collectInternal(a, out, seen));
        } else if (t instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(b -> collectInternal(b, out, seen));
        } else if (t instanceof TypeVariable<?> v) {
            Stream.of(v.getBounds()).forEach(b -> collectInternal(b, out, seen));
        } else if (t instanceof GenericArrayType a) {
            collectInternal(a.getGenericComponentType(), out, seen);
        }
    }

    private static Type[] concat(Type[]... groups) {
        return Stream.of(groups).flatMap(Stream::of).toArray(Type[]::new);
    }
}
