package dev.pdpkit.apicheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders one signature as a line of an API listing. The text is source-level (generic types, varargs, checked
 * exceptions), so a change a caller's code would notice changes the line; modifiers a language rule implies (an
 * interface's {@code abstract}, a record's {@code final}) are left out so that only real changes show.
 */
final class Signatures {
    private static final int TYPE_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
            | Modifier.FINAL | Modifier.ABSTRACT;
    private static final int MEMBER_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
            | Modifier.FINAL | Modifier.ABSTRACT;

    private Signatures() {
    }

    static String type(Class<?> c) {
        int mods = c.getModifiers() & TYPE_MODIFIERS;
        String kind = "class";
        if (c.isAnnotation()) {
            kind = "@interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        } else if (c.isInterface()) {
            kind = "interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        } else if (c.isEnum()) {
            kind = "enum";
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL);
        } else if (c.isRecord()) {
            kind = "record";
            mods &= ~(Modifier.STATIC | Modifier.FINAL);
        }
        StringBuilder line = new StringBuilder(Modifier.toString(mods));
        if (c.isSealed()) {
            line.append(" sealed");
        }
        line.append(' ').append(kind).append(' ').append(c.getName()).append(typeParameters(c.getTypeParameters()));
        Type superclass = c.getGenericSuperclass();
        if (superclass != null && !isImplicitSuperclass(c, superclass)) {
            line.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = c.getGenericInterfaces();
        if (interfaces.length > 0 && !c.isAnnotation()) {
            line.append(c.isInterface() ? " extends " : " implements ").append(names(interfaces));
        }
        if (c.isSealed()) {
            line.append(" permits ").append(Arrays.stream(c.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return line.toString().trim();
    }

    static String field(Field f) {
        return (Modifier.toString(f.getModifiers() & MEMBER_MODIFIERS) + " " + f.getGenericType().getTypeName()
                + " " + f.getName()).trim();
    }

    static String constructor(Constructor<?> c) {
        return executable(c, "<init>", "");
    }

    static String method(Method m) {
        int mods = m.getModifiers() & MEMBER_MODIFIERS;
        if (m.getDeclaringClass().isInterface()) {
            mods &= ~Modifier.ABSTRACT;
        }
        String prefix = Modifier.toString(mods) + (m.isDefault() ? " default" : "");
        return executable(m, m.getName(), prefix + " " + typeParameters(m.getTypeParameters()) + " "
                + m.getGenericReturnType().getTypeName());
    }

    private static String executable(Executable e, String name, String prefix) {
        if (e instanceof Constructor) {
            prefix = Modifier.toString(e.getModifiers() & MEMBER_MODIFIERS) + " "
                    + typeParameters(e.getTypeParameters());
        }
        List<String> params = new ArrayList<>();
        Type[] types = e.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String t = types[i].getTypeName();
            if (e.isVarArgs() && i == types.length - 1 && t.endsWith("[]")) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            params.add(t);
        }
        String line = prefix.trim().replaceAll(" +", " ") + " " + name + "(" + String.join(", ", params) + ")";
        Type[] thrown = e.getGenericExceptionTypes();
        return thrown.length == 0 ? line : line + " throws " + names(thrown);
    }

    private static String typeParameters(TypeVariable<?>[] vars) {
        if (vars.length == 0) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (TypeVariable<?> v : vars) {
            Type[] bounds = v.getBounds();
            boolean plain = bounds.length == 1 && bounds[0] == Object.class;
            out.add(plain ? v.getName() : v.getName() + " extends " + Arrays.stream(bounds)
                    .map(Type::getTypeName).collect(Collectors.joining(" & ")));
        }
        return "<" + String.join(", ", out) + ">";
    }

    private static boolean isImplicitSuperclass(Class<?> c, Type superclass) {
        return superclass == Object.class || (c.isRecord() && superclass == Record.class)
                || (c.isEnum() && superclass.getTypeName().startsWith("java.lang.Enum<"));
    }

    private static String names(Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }
}
