package dev.pdpkit.client.hardening;

import dev.pdpkit.client.errors.PrismaException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls every public no-arg method of a returned value, recursively through nested models, lists, maps, Optionals,
 * JSON fields, pages and their auto-pagers, and records what came back: the strings and numbers a model handed out
 * (to compare with what was served), its {@code toString()} renderings, and every exception other than a
 * {@link PrismaException}.
 */
final class ModelToucher {
    private static final Set<String> SKIPPED = Set.of("hashCode", "getClass", "notify", "notifyAll", "wait",
            "builder", "nextPage", "nextPageAsync", "iterator", "spliterator", "stream");
    private static final int MAX_DEPTH = 40;
    private static final int MAX_PAGER_ITEMS = 500;

    final List<String> violations = new ArrayList<>();
    final List<String> strings = new ArrayList<>();
    final List<String> stringSources = new ArrayList<>();
    final List<Object> numbers = new ArrayList<>();
    final List<String> renderings = new ArrayList<>();
    final List<PrismaException> prismaErrors = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Touches {@code value} and everything reachable from it. */
    void touch(Object value) {
        touch(value, "result", true, 0);
    }

    private void touch(Object value, String where, boolean fromModel, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String) {
            if (fromModel) {
                strings.add((String) value);
                stringSources.add(where);
            }
            return;
        }
        if (value instanceof Number) {
            if (fromModel) {
                numbers.add(value);
            }
            return;
        }
        if (value instanceof Throwable) {
            renderings.add(String.valueOf(((Throwable) value).getMessage()));
            return;
        }
        if (value instanceof Boolean || value instanceof Enum || value.getClass().getName().startsWith("java.time")
                || !seen.add(value)) {
            return;
        }
        touchContainer(value, where, fromModel, depth);
    }

    private void touchContainer(Object value, String where, boolean fromModel, int depth) {
        if (value instanceof Optional) {
            ((Optional<?>) value).ifPresent(v -> touch(v, where + ".get", fromModel, depth + 1));
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                touch(e.getKey(), where + ".key", fromModel, depth + 1);
                touch(e.getValue(), where + "[" + e.getKey() + "]", fromModel, depth + 1);
            }
        } else if (value instanceof Collection) {
            int i = 0;
            for (Object item : (Collection<?>) value) {
                touch(item, where + "[" + i++ + "]", fromModel, depth + 1);
            }
        } else if (value.getClass().getName().startsWith("dev.pdpkit.client.")
                && !value.getClass().getName().contains("Builder")) {
            touchMethods(value, where, depth);
        }
    }

    private void touchMethods(Object value, String where, int depth) {
        boolean model = value.getClass().getPackageName().equals("dev.pdpkit.client.model");
        boolean field = value.getClass().getSimpleName().equals("JsonField");
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || SKIPPED.contains(m.getName())) {
                continue;
            }
            String name = m.getName();
            if (field && name.equals("problem") && Boolean.TRUE.equals(invoke(value, "isPresent"))) {
                continue; // there is no problem to describe: asking is a programming error, like Optional.get()
            }
            String here = where + "." + name + "()";
            Object result = invoke(value, m, here);
            if (name.equals("toString")) {
                renderings.add(String.valueOf(result));
            } else if (name.equals("autoPager")) {
                walkPager(result, here, depth);
            } else if (!name.equals("toBuilder")) {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                boolean valueOfModel = model && !lower.contains("json") && !lower.startsWith("raw")
                        || field && (name.equals("get") || name.equals("asOptional"));
                touch(result, here, valueOfModel, depth + 1);
            }
        }
    }

    private static Object invoke(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private Object invoke(Object target, Method m, String where) {
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PrismaException) {
                prismaErrors.add((PrismaException) cause);
            } else {
                violations.add(where + " threw " + cause);
            }
        } catch (IllegalAccessException e) {
            violations.add(where + " is not accessible: " + e);
        }
        return null;
    }

    private void walkPager(Object pager, String where, int depth) {
        if (!(pager instanceof Iterable)) {
            return;
        }
        try {
            Iterator<?> it = ((Iterable<?>) pager).iterator();
            for (int i = 0; i < MAX_PAGER_ITEMS && it.hasNext(); i++) {
                touch(it.next(), where + "[" + i + "]", true, depth + 1);
            }
        } catch (PrismaException e) {
            prismaErrors.add(e);
        } catch (RuntimeException e) {
            violations.add(where + " iteration threw " + e);
        }
    }

    /** @return a number as an exact decimal, or null when it has none (NaN, infinities) */
    static BigDecimal exact(Object n) {
        if (n instanceof BigDecimal) {
            return JsonPaths.normalize((BigDecimal) n);
        }
        if (n instanceof BigInteger) {
            return JsonPaths.normalize(new BigDecimal((BigInteger) n));
        }
        if (n instanceof Double || n instanceof Float) {
            double d = ((Number) n).doubleValue();
            return Double.isFinite(d) ? JsonPaths.normalize(BigDecimal.valueOf(d)) : null;
        }
        return JsonPaths.normalize(BigDecimal.valueOf(((Number) n).longValue()));
    }
}
