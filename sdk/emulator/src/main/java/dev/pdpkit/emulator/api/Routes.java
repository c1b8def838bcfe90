package dev.pdpkit.emulator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations of the spec as method + path template, and matching of request paths against them. */
public final class Routes {

    /**
     * One operation.
     *
     * @param method the HTTP method
     * @param template the path template, such as {@code /v1/projects/{id}}
     * @param operationId the spec's operationId
     * @param segments the template split at {@code /}
     */
    public record Route(String method, String template, String operationId, String[] segments) {
        /** @return the path variables if {@code pathSegments} matches the template */
        Optional<Map<String, String>> match(String[] pathSegments) {
            if (pathSegments.length != segments.length) {
                return Optional.empty();
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (s.startsWith("{") && s.endsWith("}")) {
                    if (pathSegments[i].isEmpty() || hasControl(pathSegments[i])) {
                        return Optional.empty();
                    }
                    vars.put(s.substring(1, s.length() - 1), pathSegments[i]);
                } else if (!s.equals(pathSegments[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(vars);
        }

        /** An id with control characters names nothing: answered as an unknown path, not checked further. */
        private static boolean hasControl(String segment) {
            return segment.chars().anyMatch(Character::isISOControl);
        }

        /** Literal segments first: {@code /v1/regions/postgres} wins over {@code /v1/regions/{id}}. */
        int specificity() {
            int n = 0;
            for (String s : segments) {
                n = n * 2 + (s.startsWith("{") ? 0 : 1);
            }
            return n;
        }
    }

    /**
     * What a path resolved to.
     *
     * @param route the operation
     * @param pathParams the path template variables and their values
     */
    public record Match(Route route, Map<String, String> pathParams) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Creates the routes of every operation the emulator implements. */
    public Routes() {
        add("GET", "/v1/me", "getV1Me");
        add("GET", "/v1/workspaces", "getV1Workspaces");
        add("GET", "/v1/workspaces/{id}", "getV1WorkspacesById");
        add("GET", "/v1/workspaces/{id}/subscription", "getV1WorkspacesByIdSubscription");
        add("GET", "/v1/projects", "getV1Projects");
        add("POST", "/v1/projects", "postV1Projects");
        add("GET", "/v1/projects/{id}", "getV1ProjectsById");
        add("PATCH", "/v1/projects/{id}", "patchV1ProjectsById");
        add("DELETE", "/v1/projects/{id}", "deleteV1ProjectsById");
        add("POST", "/v1/projects/{id}/transfer", "postV1ProjectsByIdTransfer");
        add("GET", "/v1/projects/{projectId}/databases", "getV1ProjectsByProjectIdDatabases");
        add("POST", "/v1/projects/{projectId}/databases", "postV1ProjectsByProjectIdDatabases");
        add("GET", "/v1/databases", "getV1Databases");
        add("POST", "/v1/databases", "postV1Databases");
        add("GET", "/v1/databases/{databaseId}", "getV1DatabasesByDatabaseId");
        add("PATCH", "/v1/databases/{databaseId}", "patchV1DatabasesByDatabaseId");
        add("DELETE", "/v1/databases/{databaseId}", "deleteV1DatabasesByDatabaseId");
        add("GET", "/v1/databases/{databaseId}/connections", "getV1DatabasesByDatabaseIdConnections");
        add("POST", "/v1/databases/{databaseId}/connections", "postV1DatabasesByDatabaseIdConnections");
        add("GET", "/v1/databases/{databaseId}/backups", "getV1DatabasesByDatabaseIdBackups");
        add("POST", "/v1/databases/{targetDatabaseId}/restore", "postV1DatabasesByTargetDatabaseIdRestore");
        add("GET", "/v1/databases/{databaseId}/usage", "getV1DatabasesByDatabaseIdUsage");
        add("GET", "/v1/connections", "getV1Connections");
        add("POST", "/v1/connections", "postV1Connections");
        add("GET", "/v1/connections/{id}", "getV1ConnectionsById");
        add("DELETE", "/v1/connections/{id}", "deleteV1ConnectionsById");
        add("POST", "/v1/connections/{id}/rotate", "postV1ConnectionsByIdRotate");
        add("GET", "/v1/workspaces/{workspaceId}/service-tokens", "getV1WorkspacesByWorkspaceIdService-tokens");
        add("POST", "/v1/workspaces/{workspaceId}/service-tokens", "postV1WorkspacesByWorkspaceIdService-tokens");
        add("DELETE", "/v1/workspaces/{workspaceId}/service-tokens/{serviceTokenId}",
                "deleteV1WorkspacesByWorkspaceIdService-tokensByServiceTokenId");
        add("GET", "/v1/integrations", "getV1Integrations");
        add("GET", "/v1/integrations/{id}", "getV1IntegrationsById");
        add("DELETE", "/v1/integrations/{id}", "deleteV1IntegrationsById");
        add("GET", "/v1/workspaces/{workspaceId}/integrations", "getV1WorkspacesByWorkspaceIdIntegrations");
        add("DELETE", "/v1/workspaces/{workspaceId}/integrations/{clientId}",
                "deleteV1WorkspacesByWorkspaceIdIntegrationsByClientId");
        add("GET", "/v1/regions", "getV1Regions");
        add("GET", "/v1/regions/postgres", "getV1RegionsPostgres");
        add("GET", "/v1/regions/accelerate", "getV1RegionsAccelerate");
        add("GET", "/v1/buckets", "getV1Buckets");
        add("POST", "/v1/buckets", "postV1Buckets");
        add("GET", "/v1/buckets/{bucketId}", "getV1BucketsByBucketId");
        add("PATCH", "/v1/buckets/{bucketId}", "patchV1BucketsByBucketId");
        add("DELETE", "/v1/buckets/{bucketId}", "deleteV1BucketsByBucketId");
        add("GET", "/v1/buckets/{bucketId}/keys", "getV1BucketsByBucketIdKeys");
        add("POST", "/v1/buckets/{bucketId}/keys", "postV1BucketsByBucketIdKeys");
        add("DELETE", "/v1/buckets/{bucketId}/keys/{keyId}", "deleteV1BucketsByBucketIdKeysByKeyId");
        routes.sort((a, b) -> Integer.compare(b.specificity(), a.specificity()));
    }

    private void add(String method, String template, String operationId) {
        routes.add(new Route(method, template, operationId, split(template)));
    }

    static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.split("/", -1);
    }

    /** @return every route */
    public List<Route> all() {
        return List.copyOf(routes);
    }

    /**
     * @param method the HTTP method
     * @param path the decoded request path
     * @return the operation for the method and (decoded) path, if any
     */
    public Optional<Match> find(String method, String path) {
        String[] segs = split(path);
        for (Route r : routes) {
            if (!r.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> vars = r.match(segs);
            if (vars.isPresent()) {
                return Optional.of(new Match(r, vars.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * @param path the decoded request path
     * @return the methods some operation accepts on this path (for 405 answers)
     */
    public List<String> methodsFor(String path) {
        String[] segs = split(path);
        List<String> out = new ArrayList<>();
        for (Route r : routes) {
            if (r.match(segs).isPresent() && !out.contains(r.method())) {
                out.add(r.method());
            }
        }
        return out;
    }

    /**
     * Returns the route of an operation.
     *
     * @param operationId the operationId
     * @return the route, if the emulator implements the operation
     */
    public Optional<Route> byOperationId(String operationId) {
        return routes.stream().filter(r -> r.operationId().equals(operationId)).findFirst();
    }
}
