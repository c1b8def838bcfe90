package dev.pdpkit.client.hardening;

import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The parts of the issue 9 contract whose names are not on main yet, reached by reflection so that the suites compile
 * before they land: {@code validate()} on every model, the raw JSON of a {@code JsonField} ({@code rawJson()}), the
 * JSON a model was read from ({@code _json()}), and the raw body of a {@code RawResponse} ({@code rawBody()}). Once
 * they are on main, calls through here can become direct calls. A missing method fails the test with its name.
 */
final class Contract {
    private Contract() {
    }

    /** Calls {@code model.validate()}, rethrowing what it throws. */
    static void validate(Object model) {
        call(model, "validate");
    }

    /** @return the JSON text a field was read from ({@code field.rawJson()}, unwrapped and rendered as JSON) */
    static String rawJson(Object jsonField) {
        Object raw = unwrap(call(jsonField, "rawJson"));
        return raw == null ? null : String.valueOf(call(raw, "toJson"));
    }

    /** @return the JSON a model was read from ({@code model._json()}), rendered as JSON text */
    static String modelJson(Object model) {
        Object raw = unwrap(call(model, "_json"));
        return raw == null ? null : String.valueOf(call(raw, "toJson"));
    }

    /** @return the raw body of a {@code RawResponse} ({@code rawBody()}, as bytes) */
    static byte[] rawBody(Object rawResponse) {
        Object raw = unwrap(call(rawResponse, "rawBody"));
        return raw instanceof String ? ((String) raw).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : (byte[]) raw;
    }

    private static Object unwrap(Object o) {
        return o instanceof Optional ? ((Optional<?>) o).orElse(null) : o;
    }

    static Object call(Object target, String method) {
        Method m;
        try {
            m = target.getClass().getMethod(method);
        } catch (NoSuchMethodException e) {
            return fail(target.getClass().getSimpleName() + "." + method + "() is not there yet (issue 9 contract)");
        }
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
