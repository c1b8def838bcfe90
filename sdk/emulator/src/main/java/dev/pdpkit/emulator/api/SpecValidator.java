package dev.pdpkit.emulator.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Validates requests and responses against the OpenAPI document shipped in the jar
 * ({@value #SPEC_RESOURCE}) with swagger-request-validator.
 *
 * <p>Parsing the document takes about a second on a cold JVM, so it is done once per JVM on a background thread that
 * starts with the first emulator: {@code start()} returns at once and the first request that needs the validator
 * waits for it.
 */
public final class SpecValidator {
    /** The class-path resource of the OpenAPI document the emulator validates against. */
    public static final String SPEC_RESOURCE = "/dev/pdpkit/emulator/openapi/prisma-management-api.yaml";

    private static volatile CompletableFuture<SpecValidator> shared;

    private final OpenAPI api;
    private final OpenApiInteractionValidator validator;
    private final Map<String, Set<Integer>> declaredStatuses;
    private final Map<String, String> operationKeys;

    private SpecValidator(OpenAPI api) {
        this.api = api;
        this.validator = OpenApiInteractionValidator.createFor(api)
                .withLevelResolver(LevelResolver.create()
                        // Authentication is the emulator's own job, done before validation.
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        Map<String, Set<Integer>> statuses = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            Set<Integer> codes = new LinkedHashSet<>();
            if (op.getResponses() != null) {
                op.getResponses().keySet().forEach(code -> {
                    try {
                        codes.add(Integer.parseInt(code));
                    } catch (NumberFormatException e) {
                        // "default" and ranges are not used by this document
                    }
                });
            }
            statuses.put(op.getOperationId(), Collections.unmodifiableSet(codes));
            keys.put(op.getOperationId(), method.name() + " " + path);
        }));
        this.declaredStatuses = Collections.unmodifiableMap(statuses);
        this.operationKeys = Collections.unmodifiableMap(keys);
    }

    /** @return the JVM-wide validator, loading it in the background on first use */
    public static CompletableFuture<SpecValidator> shared() {
        CompletableFuture<SpecValidator> f = shared;
        if (f == null) {
            synchronized (SpecValidator.class) {
                f = shared;
                if (f == null) {
                    f = new CompletableFuture<>();
                    CompletableFuture<SpecValidator> target = f;
                    Thread t = new Thread(() -> {
                        try {
                            target.complete(load());
                        } catch (Throwable e) {
                            target.completeExceptionally(e);
                        }
                    }, "prisma-emulator-spec-loader");
                    t.setDaemon(true);
                    t.start();
                    shared = f;
                }
            }
        }
        return f;
    }

    /**
     * Blocks until the shared validator is loaded.
     *
     * @return the shared validator
     */
    public static SpecValidator get() {
        try {
            return shared().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the OpenAPI document", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot load the OpenAPI document " + SPEC_RESOURCE, e.getCause());
        }
    }

    /** @return the text of the OpenAPI document in the jar */
    public static String specText() {
        try (InputStream in = SpecValidator.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document missing from the classpath: " + SPEC_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SpecValidator load() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(specText(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("cannot parse the OpenAPI document: " + result.getMessages());
        }
        OpenAPI api = result.getOpenAPI();
        inlineNullableReferences(api);
        return new SpecValidator(api);
    }

    /**
     * The document writes a nullable reference as {@code allOf: [{$ref: X}]} plus {@code nullable: true} (OpenAPI
     * 3.0 allows no siblings next to {@code $ref}). swagger-request-validator ignores {@code nullable} on such a
     * wrapper and rejects {@code null} although the document allows it. This rewrites each such wrapper, in the
     * validator's in-memory copy only, into an inline copy of {@code X} with {@code nullable: true}, which the
     * validator understands. Nothing else changes: a non-null value is checked against exactly the schema of X.
     * Parameters whose schema is a bare {@code $ref} get the referenced schema inline, for the same reason.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void inlineNullableReferences(OpenAPI api) {
        Map<String, Schema> components = api.getComponents() == null || api.getComponents().getSchemas() == null
                ? Map.of() : api.getComponents().getSchemas();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Schema> todo = new ArrayDeque<>();
        roots(api, components).forEach(r -> {
            if (r != null) {
                todo.push(r);
            }
        });
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            inlineIfNullableWrapper(s, components);
            if (s.getProperties() != null) {
                ((Map<String, Schema>) s.getProperties()).values().forEach(todo::push);
            }
            if (s.getItems() != null) {
                todo.push(s.getItems());
            }
            for (List<Schema> group : Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf())) {
                if (group != null) {
                    group.forEach(todo::push);
                }
            }
            if (s.getAdditionalProperties() instanceof Schema) {
                todo.push((Schema) s.getAdditionalProperties());
            }
        }
    }

    /** @return the schemas of every parameter, request body and response, plus the components */
    @SuppressWarnings("rawtypes")
    private static List<Schema> roots(OpenAPI api, Map<String, Schema> components) {
        List<Schema> roots = new ArrayList<>(components.values());
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getParameters() != null) {
                for (io.swagger.v3.oas.models.parameters.Parameter p : op.getParameters()) {
                    // The validator reads a parameter whose schema is a bare $ref as JSON ("postgres" is then an
                    // unparseable token): give it the referenced schema itself.
                    Schema ps = p.getSchema();
                    if (ps != null && ps.get$ref() != null) {
                        Schema target = components.get(ps.get$ref().substring(ps.get$ref().lastIndexOf('/') + 1));
                        if (target != null) {
                            p.setSchema(target);
                        }
                    }
                    roots.add(p.getSchema());
                }
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().values().forEach(mt -> roots.add(mt.getSchema()));
            }
            if (op.getResponses() != null) {
                op.getResponses().values().forEach(r -> addContent(roots, r));
            }
        }));
        if (api.getComponents() != null && api.getComponents().getResponses() != null) {
            api.getComponents().getResponses().values().forEach(r -> addContent(roots, r));
        }
        return roots;
    }

    @SuppressWarnings("rawtypes")
    private static void addContent(List<Schema> roots, io.swagger.v3.oas.models.responses.ApiResponse r) {
        if (r.getContent() != null) {
            r.getContent().values().forEach(mt -> roots.add(mt.getSchema()));
        }
    }

    /** Rewrites {@code nullable: true, allOf: [{$ref: X}]} into an inline nullable copy of X. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void inlineIfNullableWrapper(Schema s, Map<String, Schema> components) {
        List<Schema> allOf = s.getAllOf();
        if (!Boolean.TRUE.equals(s.getNullable()) || allOf == null || allOf.size() != 1
                || allOf.get(0).get$ref() == null || s.getType() != null) {
            return;
        }
        String ref = allOf.get(0).get$ref();
        Schema target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
        if (target == null) {
            return;
        }
        s.setAllOf(null);
        s.setType(target.getType() != null ? target.getType() : (target.getOneOf() != null ? "object" : null));
        s.setProperties(target.getProperties());
        s.setRequired(target.getRequired());
        s.setAdditionalProperties(target.getAdditionalProperties());
        s.setEnum(target.getEnum());
        s.setFormat(target.getFormat());
        s.setItems(target.getItems());
        // A nullable oneOf: the validator's discriminator keyword alone picks and checks the variant (and lets null
        // through); oneOf would reject null since no variant is nullable.
        s.setOneOf(target.getDiscriminator() != null ? null : target.getOneOf());
        s.setAnyOf(target.getAnyOf());
        s.setDiscriminator(target.getDiscriminator());
        if (target.getDiscriminator() != null && target.getProperties() == null) {
            String name = target.getDiscriminator().getPropertyName();
            Map<String, Schema> props = new LinkedHashMap<>();
            props.put(name, new io.swagger.v3.oas.models.media.StringSchema());
            s.setProperties(props);
            s.setRequired(List.of(name));
        }
    }

    /** @return the parsed OpenAPI document */
    public OpenAPI openApi() {
        return api;
    }

    /**
     * @param operationId the operationId
     * @return status codes the operation declares
     */
    public Set<Integer> declaredStatuses(String operationId) {
        return declaredStatuses.getOrDefault(operationId, Set.of());
    }

    /** @return {@code METHOD /path/template} of every operation, by operationId */
    public Map<String, String> operations() {
        return operationKeys;
    }

    /**
     * @param operationId the operationId
     * @return the status an invalid request of this operation gets: 400 if declared, else 422 if declared, else 400
     */
    public int invalidRequestStatus(String operationId) {
        Set<Integer> s = declaredStatuses(operationId);
        if (s.contains(400)) {
            return 400;
        }
        return s.contains(422) ? 422 : 400;
    }

    /**
     * @param method the HTTP method
     * @param path the request path
     * @param query the decoded query parameters
     * @param headers the request headers
     * @param body the request body, or null
     * @return the error messages, empty when the request conforms
     */
    public List<String> validateRequest(String method, String path, Map<String, List<String>> query,
                                        Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
        query.forEach(b::withQueryParam);
        headers.forEach((name, values) -> b.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return errors(validator.validateRequest(b.build()));
    }

    /**
     * @param method the HTTP method of the request
     * @param path the request path
     * @param status the response status
     * @param headers the response headers
     * @param body the response body, or null
     * @return the error messages, empty when the response conforms
     */
    public List<String> validateResponse(String method, String path, int status, Map<String, String> headers,
                                         String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        headers.forEach(b::withHeader);
        if (body != null) {
            b.withBody(body);
        }
        return errors(validator.validateResponse(path, Request.Method.valueOf(method), b.build()));
    }

    private static List<String> errors(ValidationReport report) {
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(m.getKey() + ": " + m.getMessage());
            }
        }
        return out;
    }

    /**
     * @param method the HTTP method
     * @param template the path template, such as {@code /v1/projects/{id}}
     * @return true if the document has the operation on this method and path template
     */
    public boolean hasOperation(String method, String template) {
        PathItem item = api.getPaths().get(template);
        if (item == null) {
            return false;
        }
        Operation op = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        return op != null;
    }
}
