package dev.pdpkit.client.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.hardening.RawHttpServer.Request;
import dev.pdpkit.client.hardening.RawHttpServer.Responder;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The projects part of the API, as a tiny stateful server behind {@link RawHttpServer}: list (filtered by
 * {@code logicalId}), get, create (409 for a {@code logicalId} already taken) and delete (404 once gone). A fault can
 * let the app act on a request and then lose the answer, as a real server does.
 */
final class ProjectsApp {
    static final String EXISTING = "proj_1";

    /** An answer before it is written. */
    record Answer(int status, String body) {
    }

    private final Map<String, String> projects = new LinkedHashMap<>(); // id -> logicalId (or null)
    private int created;

    ProjectsApp() {
        projects.put(EXISTING, "lg-existing");
    }

    /** @return how many projects were created */
    synchronized int created() {
        return created;
    }

    /** @return the id of the last project created, or null */
    synchronized String lastCreatedId() {
        return created == 0 ? null : "proj_new" + created;
    }

    /** Answers every request normally. */
    Responder normal() {
        return (request, c) -> {
            Answer a = handle(request);
            c.write(Replies.head(a.status(), a.body() == null ? 0 : a.body().getBytes(StandardCharsets.UTF_8).length,
                    Replies.JSON));
            if (a.body() != null) {
                c.write(a.body().getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** Acts on the request and returns what the answer would be. */
    synchronized Answer handle(Request r) throws IOException {
        String path = r.path();
        if (path.equals("/v1/projects")) {
            return r.method().equals("POST") ? create(r) : list(r.target());
        }
        String id = path.startsWith("/v1/projects/") ? path.substring("/v1/projects/".length()) : null;
        if (id == null || !projects.containsKey(id)) {
            return new Answer(404, Replies.errorBody(404));
        }
        if (r.method().equals("DELETE")) {
            projects.remove(id);
            return new Answer(204, null);
        }
        return new Answer(200, BaseBodies.text(BaseBodies.data(project(id, projects.get(id)))));
    }

    private Answer create(Request r) throws IOException {
        JsonNode sent = BaseBodies.MAPPER.readTree(r.body());
        String logicalId = sent.path("logicalId").isTextual() ? sent.get("logicalId").asText() : null;
        if (logicalId != null && projects.containsValue(logicalId)) {
            return new Answer(409, Replies.errorBody(409));
        }
        created++;
        String id = "proj_new" + created;
        projects.put(id, logicalId);
        ObjectNode body = BaseBodies.get("createdProject");
        body.put("id", id).put("url", "https://api.prisma.io/v1/projects/" + id);
        body.put("logicalId", logicalId);
        return new Answer(201, BaseBodies.text(BaseBodies.data(body)));
    }

    private Answer list(String target) {
        int q = target.indexOf("logicalId=");
        String wanted = q < 0 ? null : URLDecoder.decode(target.substring(q + 10).split("&")[0],
                StandardCharsets.UTF_8);
        JsonNode[] items = projects.entrySet().stream()
                .filter(e -> wanted == null || wanted.equals(e.getValue()))
                .map(e -> project(e.getKey(), e.getValue())).toArray(JsonNode[]::new);
        return new Answer(200, BaseBodies.text(BaseBodies.page(null, false, items)));
    }

    private static ObjectNode project(String id, String logicalId) {
        ObjectNode p = BaseBodies.get("project");
        p.put("id", id).put("url", "https://api.prisma.io/v1/projects/" + id).put("logicalId", logicalId);
        return p;
    }
}
