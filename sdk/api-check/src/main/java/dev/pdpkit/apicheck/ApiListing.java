package dev.pdpkit.apicheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a set of classes as text: one header line per public or protected type of a non-internal
 * package, followed by its public and protected constructors, fields and methods, indented, each group sorted.
 * Synthetic and bridge members are left out; they are the compiler's, not ours.
 */
public final class ApiListing {
    private ApiListing() {
    }

    /**
     * @param packageName a package name
     * @return whether the package is internal, that is has a segment named {@code internal}, and so is not API
     */
    public static boolean isInternalPackage(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /**
     * Loads the named classes (without initialising them) and keeps those that are API: public, or protected members
     * of API types, not local, anonymous or synthetic, in a non-internal package.
     *
     * @param loader loads the classes
     * @param classNames binary class names, as {@link ClassIndex} lists them
     * @return the API types, sorted by name
     * @throws IllegalStateException if a class cannot be loaded
     */
    public static List<Class<?>> apiTypes(ClassLoader loader, List<String> classNames) {
        List<Class<?>> types = new ArrayList<>();
        for (String name : classNames) {
            try {
                Class<?> c = Class.forName(name, false, loader);
                if (isApiType(c)) {
                    types.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name + " to list its API", e);
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    static boolean isApiType(Class<?> c) {
        if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass() || isInternalPackage(c.getPackageName())) {
            return false;
        }
        Class<?> outer = c.getDeclaringClass();
        if (outer == null) {
            return Modifier.isPublic(c.getModifiers());
        }
        return isVisible(c.getModifiers()) && isApiType(outer);
    }

    /**
     * @param types API types from {@link #apiTypes}
     * @return the listing's lines: each type's header, then its members indented by two spaces, then a blank line
     */
    public static List<String> render(List<Class<?>> types) {
        List<String> lines = new ArrayList<>();
        for (Class<?> type : types) {
            lines.add(Signatures.type(type));
            memberLines(type).forEach(line -> lines.add("  " + line));
            lines.add("");
        }
        return lines;
    }

    /**
     * @param type an API type
     * @return its public and protected constructors, fields and methods, in listing order
     */
    static List<String> memberLines(Class<?> type) {
        return Stream.of(
                        sorted(visible(type.getDeclaredConstructors()).map(c -> Signatures.constructor((Constructor<?>) c))),
                        sorted(visible(type.getDeclaredFields()).map(f -> Signatures.field((Field) f))),
                        sorted(visible(type.getDeclaredMethods()).filter(m -> !((Method) m).isBridge())
                                .map(m -> Signatures.method((Method) m))))
                .flatMap(List::stream)
                .collect(Collectors.toList());
    }

    static Stream<Member> visible(Member[] members) {
        return Stream.of(members).filter(m -> !m.isSynthetic() && isVisible(m.getModifiers()));
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<String> sorted(Stream<String> lines) {
        return lines.sorted().collect(Collectors.toList());
    }
}
