package dev.pdpkit.emulator;

import java.util.Locale;

/**
 * Which requests a fault applies to. Forms:
 * <ul>
 *   <li>{@code /v1/projects}: any method, path equal to the prefix or below it ({@code /v1/projects/proj_1/...});</li>
 *   <li>{@code POST /v1/projects}: the same, for one method;</li>
 *   <li>{@code GET /v1/projects/{id}}: a template, {@code {name}} or {@code *} matching one segment, exact length;</li>
 *   <li>{@code postV1Projects}: an operationId of the spec;</li>
 *   <li>{@code *}: every request.</li>
 * </ul>
 */
final class RequestMatcher {
    private final String method;
    private final String path;
    private final String operationId;
    private final String[] template;

    private RequestMatcher(String method, String path, String operationId, String[] template) {
        this.method = method;
        this.path = path;
        this.operationId = operationId;
        this.template = template;
    }

    static RequestMatcher parse(String text) {
        String t = text.trim();
        if (t.equals("*")) {
            return new RequestMatcher(null, "/", null, null);
        }
        String method = null;
        int space = t.indexOf(' ');
        if (space > 0) {
            method = t.substring(0, space).toUpperCase(Locale.ROOT);
            t = t.substring(space + 1).trim();
        }
        if (!t.startsWith("/")) {
            if (method != null) {
                throw new IllegalArgumentException("expected a path after the method: " + text);
            }
            return new RequestMatcher(null, null, t, null);
        }
        if (t.contains("{") || t.contains("*")) {
            return new RequestMatcher(method, null, null, segments(t));
        }
        String prefix = t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
        return new RequestMatcher(method, prefix, null, null);
    }

    private static String[] segments(String p) {
        String s = p.startsWith("/") ? p.substring(1) : p;
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.split("/", -1);
    }

    boolean matches(String reqMethod, String reqPath, String reqOperationId) {
        if (operationId != null) {
            return operationId.equals(reqOperationId);
        }
        if (method != null && !method.equals(reqMethod)) {
            return false;
        }
        if (template != null) {
            String[] segs = segments(reqPath);
            if (segs.length != template.length) {
                return false;
            }
            for (int i = 0; i < segs.length; i++) {
                String t = template[i];
                boolean wildcard = t.equals("*") || (t.startsWith("{") && t.endsWith("}"));
                if (!wildcard && !t.equals(segs[i])) {
                    return false;
                }
            }
            return true;
        }
        if (path.equals("/")) {
            return true;
        }
        return reqPath.equals(path) || reqPath.startsWith(path + "/");
    }
}
