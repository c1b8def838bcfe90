package dev.pdpkit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pdpkit.codegen.SpecModel.Field;
import dev.pdpkit.codegen.SpecModel.ListOf;
import dev.pdpkit.codegen.SpecModel.Named;
import dev.pdpkit.codegen.SpecModel.NamedKind;
import dev.pdpkit.codegen.SpecModel.Operation;
import dev.pdpkit.codegen.SpecModel.Param;
import dev.pdpkit.codegen.SpecModel.Response;
import dev.pdpkit.codegen.SpecModel.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code dev.pdpkit.client.services}: one service per {@code x-sdk-group} node, with accessors for the child
 * groups, every operation as {@code method(Params)} and {@code method(Params, RequestOptions)} plus convenience
 * overloads, and a {@code withRawResponse()} view whose methods return {@code RawResponse<T>}.
 */
final class ServiceEmitter {
    private static final String ERRORS = JavaTypes.ROOT + ".errors";
    private static final Set<String> RESERVED = Set.of("withRawResponse", "equals", "hashCode", "toString",
            "getClass", "notify", "notifyAll", "wait");

    /** The method emitted next to a {@code create} that takes a {@code logicalId}; see {@link #getOrCreatePlan}. */
    static final String GET_OR_CREATE = "getOrCreate";
    static final ClassName GET_OR_CREATE_RESULT = ClassName.get(JavaTypes.SERVICES, "GetOrCreateResult");
    private static final Set<String> PAGING_PARAMS = Set.of("cursor", "limit", "logicalId");

    /** Which form of a service's methods is emitted. */
    enum Mode { SYNC, RAW, ASYNC }

    private static final ClassName FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");

    private final SpecModel spec;
    /** Group path ("projects.databases") to its operations; every prefix of a group is a node too. */
    private final SortedMap<String, List<Operation>> groups = new TreeMap<>();

    ServiceEmitter(SpecModel spec) {
        this.spec = spec;
        for (Operation op : spec.operations()) {
            for (int i = 1; i <= op.group().size(); i++) {
                groups.computeIfAbsent(String.join(".", op.group().subList(0, i)), k -> new ArrayList<>());
            }
            groups.get(String.join(".", op.group())).add(op);
        }
    }

    /** @return whether any service has a {@code getOrCreate}, so that {@code GetOrCreateResult} is needed */
    boolean hasGetOrCreate() {
        for (List<Operation> ops : groups.values()) {
            for (Operation op : ops) {
                if (getOrCreatePlan(op, ops) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return every service type, sorted by group */
    List<TypeSpec> services() {
        List<TypeSpec> out = new ArrayList<>();
        for (Map.Entry<String, List<Operation>> e : groups.entrySet()) {
            out.add(service(List.of(e.getKey().split("\\.")), e.getValue()));
            out.add(asyncService(List.of(e.getKey().split("\\.")), e.getValue()));
        }
        return out;
    }

    private TypeSpec service(List<String> group, List<Operation> ops) {
        ClassName self = ClassName.get(JavaTypes.SERVICES, Naming.serviceClass(group));
        ClassName raw = self.nestedClass("WithRawResponse");
        String path = String.join(".", group);
        Map<String, ClassName> children = children(path);
        checkNames(path, ops, children);

        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The operations of the {@code $L} group of the Management API.\n", path);
        if (!children.isEmpty()) {
            type.addJavadoc("\n<p>Sub-groups: $L.\n", String.join(", ", children.keySet().stream()
                    .map(c -> "{@link #" + c + "()}").toList()));
        }
        addContextAndChildren(type, path, children, "the client's accessor", ctor -> {
            type.addField(raw, "withRawResponse", Modifier.PRIVATE, Modifier.FINAL);
            ctor.addStatement("this.withRawResponse = new $T()", raw);
        });
        type.addMethod(MethodSpec.methodBuilder("withRawResponse").addModifiers(Modifier.PUBLIC).returns(raw)
                .addStatement("return withRawResponse")
                .addJavadoc("Returns a view of this service whose methods also return the HTTP status and headers."
                        + "\n\n@return the raw-response view\n").build());

        TypeSpec.Builder rawType = TypeSpec.classBuilder(raw).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("{@link $T} with every method returning a {@link $T}: status, headers and the parsed "
                        + "body.\n", self, JavaTypes.RAW_RESPONSE)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        children.forEach((name, cls) -> rawType.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC).returns(cls.nestedClass("WithRawResponse"))
                .addStatement("return $N.withRawResponse()", name)
                .addJavadoc("@return the raw-response view of {@code $L.$L}\n", path, name).build()));

        for (Operation op : ops) {
            type.addMethods(methods(op, false));
            rawType.addMethods(methods(op, true));
            type.addMethod(requestMethod(op));
        }
        for (Operation op : ops) {
            GetOrCreate plan = getOrCreatePlan(op, ops);
            if (plan != null) {
                type.addMethods(getOrCreateMethods(plan));
            }
        }
        type.addType(rawType.build());
        return type.build();
    }

    /**
     * The package-private class that lets the client create services whose constructors are not public: it registers
     * a factory with {@code ServiceAccess} when loaded.
     *
     * @return the bootstrap type
     */
    TypeSpec bootstrap() {
        ClassName access = ClassName.get(JavaTypes.ROOT + ".internal", "ServiceAccess");
        ClassName self = ClassName.get(JavaTypes.SERVICES, "ServiceBootstrap");
        MethodSpec.Builder create = MethodSpec.methodBuilder("create").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(Object.class)
                .addParameter(String.class, "serviceName").addParameter(JavaTypes.CLIENT_CONTEXT, "context")
                .beginControlFlow("switch (serviceName)");
        for (String group : groups.keySet()) {
            String name = Naming.serviceClass(List.of(group.split("\\.")));
            create.addStatement("case $S: return new $T(context)", name, ClassName.get(JavaTypes.SERVICES, name));
            create.addStatement("case $S: return new $T(context)", name + "Async",
                    ClassName.get(JavaTypes.SERVICES, name + "Async"));
        }
        create.addStatement("default: throw new $T($S + serviceName)", IllegalArgumentException.class,
                "no generated service ").endControlFlow();
        return TypeSpec.classBuilder(self).addModifiers(Modifier.FINAL).addSuperinterface(access.nestedClass("Factory"))
                .addJavadoc("Registers the services' factory with {@link $T}. Internal.\n", access)
                .addStaticBlock(CodeBlock.of("$T.register(new $T());\n", access, self))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(create.build())
                .build();
    }

    /** The non-blocking twin of a service: the same methods returning {@code CompletableFuture}. */
    private TypeSpec asyncService(List<String> group, List<Operation> ops) {
        ClassName self = ClassName.get(JavaTypes.SERVICES, Naming.serviceClass(group) + "Async");
        String path = String.join(".", group);
        Map<String, ClassName> children = new LinkedHashMap<>();
        children(path).forEach((name, cls) -> children.put(name, ClassName.get(JavaTypes.SERVICES,
                cls.simpleName() + "Async")));
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The operations of the {@code $L} group of the Management API, without blocking: each "
                        + "returns a {@link $T} with the same retries, credentials and typed errors as {@link $T}. "
                        + "Cancelling a future stops its retries.\n", path, FUTURE,
                        ClassName.get(JavaTypes.SERVICES, Naming.serviceClass(group)));
        addContextAndChildren(type, path, children, "{@code client.async()}", ctor -> { });
        for (Operation op : ops) {
            type.addMethods(methods(op, Mode.ASYNC));
        }
        return type.build();
    }

    /**
     * The part every service shares: the context field, one field and accessor per sub-group, and the package-private
     * constructor that creates them; {@code more} adds what one kind of service needs besides.
     */
    private static void addContextAndChildren(TypeSpec.Builder type, String path, Map<String, ClassName> children,
                                              String accessor, java.util.function.Consumer<MethodSpec.Builder> more) {
        type.addField(JavaTypes.CLIENT_CONTEXT, "ctx", Modifier.PRIVATE, Modifier.FINAL);
        children.forEach((name, cls) -> type.addField(cls, name, Modifier.PRIVATE, Modifier.FINAL));
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
                .addParameter(JavaTypes.CLIENT_CONTEXT, "ctx")
                .addJavadoc("The client creates its services; use $L.\n\n@param ctx the client's request pipeline\n",
                        accessor)
                .addStatement("this.ctx = $T.requireNonNull(ctx, $S)", JavaTypes.OBJECTS, "ctx");
        children.forEach((name, cls) -> ctor.addStatement("this.$N = new $T(ctx)", name, cls));
        more.accept(ctor);
        type.addMethod(ctor.build());
        children.forEach((name, cls) -> type.addMethod(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC)
                .returns(cls).addStatement("return $N", name)
                .addJavadoc("@return the operations of {@code $L.$L}\n", path, name).build()));
    }

    private Map<String, ClassName> children(String path) {
        Map<String, ClassName> children = new LinkedHashMap<>();
        for (String g : groups.keySet()) {
            if (g.startsWith(path + ".") && g.indexOf('.', path.length() + 1) < 0) {
                List<String> segments = List.of(g.split("\\."));
                children.put(segments.get(segments.size() - 1),
                        ClassName.get(JavaTypes.SERVICES, Naming.serviceClass(segments)));
            }
        }
        return children;
    }

    private static void checkNames(String path, List<Operation> ops, Map<String, ClassName> children) {
        Set<String> names = new TreeSet<>(children.keySet());
        for (Operation op : ops) {
            if (RESERVED.contains(op.sdkMethod()) || GET_OR_CREATE.equals(op.sdkMethod())
                    || !names.add(op.sdkMethod())) {
                throw new SpecException("group " + path, "x-sdk-method " + op.sdkMethod()
                        + " clashes with a sub-group or a reserved name");
            }
        }
    }

    /** The public methods of one operation, on the service ({@code raw=false}) or on its raw view. */
    private List<MethodSpec> methods(Operation op, boolean raw) {
        return methods(op, raw ? Mode.RAW : Mode.SYNC);
    }

    private List<MethodSpec> methods(Operation op, Mode mode) {
        boolean raw = mode == Mode.RAW;
        ClassName params = ClassName.get(JavaTypes.MODEL, op.typePrefix() + "Params");
        TypeName result = resultType(op.response(), mode);
        boolean isVoid = result.equals(TypeName.VOID);
        List<MethodSpec> out = new ArrayList<>();

        MethodSpec.Builder main = signature(op, raw, result, true);
        if (mode == Mode.SYNC && hasLogicalIdBody(op)) {
            main.addJavadoc("<p>With a {@code logicalId} set, this create is retried like a GET (a repeat cannot make a "
                    + "second resource: the API answers it with 409). If an attempt was carried out but its answer "
                    + "was lost, the retry therefore fails with {@code ConflictException}; $L returns the existing "
                    + "resource in that case.\n\n", getOrCreatePlan(op, groups.get(String.join(".", op.group()))) != null
                    ? "{@link #" + GET_OR_CREATE + "(" + op.typePrefix() + "Params, RequestOptions)}"
                    : "a lookup by {@code logicalId}");
        }
        main.addParameter(params, "params").addParameter(JavaTypes.REQUEST_OPTIONS, "options")
                .addJavadoc("@param params the parameters\n@param options per-call options\n");
        returnsDoc(main, op, mode);
        throwsDoc(main, op, mode);
        CodeBlock call = call(op, mode);
        main.addStatement("$T.requireNonNull(options, $S)", JavaTypes.OBJECTS, "options");
        main.addStatement(isVoid ? "$L" : "return $L", call);
        out.add(main.build());

        out.add(delegate(op, mode, result, List.of(ParameterSpec.builder(params, "params").build()),
                CodeBlock.of("params, $T.none()", JavaTypes.REQUEST_OPTIONS), "@param params the parameters\n"));

        if (op.pathParams().isEmpty() && !op.needsMoreThanPath()) {
            out.add(delegate(op, mode, result, List.of(), CodeBlock.of("$T.none(), $T.none()", params,
                    JavaTypes.REQUEST_OPTIONS), ""));
            out.add(delegate(op, mode, result, List.of(ParameterSpec.builder(JavaTypes.REQUEST_OPTIONS, "options")
                    .build()), CodeBlock.of("$T.none(), options", params), "@param options per-call options\n"));
        } else if (!op.pathParams().isEmpty() && !op.needsMoreThanPath()) {
            List<ParameterSpec> pathArgs = new ArrayList<>();
            CodeBlock.Builder build = CodeBlock.builder().add("$T.builder()", params);
            StringBuilder doc = new StringBuilder();
            for (Param p : op.pathParams()) {
                pathArgs.add(ParameterSpec.builder(JavaTypes.of(p.type()), p.javaName()).build());
                build.add("$Z.$N($N)", p.javaName(), p.javaName());
                doc.append("@param ").append(p.javaName()).append(' ')
                        .append(p.description() == null ? "the {@code " + p.name() + "} path parameter"
                                : Docs.of(p.description())).append('\n');
            }
            build.add("$Z.build()");
            out.add(delegate(op, mode, result, pathArgs, CodeBlock.of("$L,$W$T.none()", build.build(),
                    JavaTypes.REQUEST_OPTIONS), doc.toString()));
            List<ParameterSpec> withOptions = new ArrayList<>(pathArgs);
            withOptions.add(ParameterSpec.builder(JavaTypes.REQUEST_OPTIONS, "options").build());
            out.add(delegate(op, mode, result, withOptions, CodeBlock.of("$L,$Woptions", build.build()),
                    doc + "@param options per-call options\n"));
        }
        return out;
    }

    private MethodSpec delegate(Operation op, Mode mode, TypeName result, List<ParameterSpec> parameters,
                                CodeBlock args, String paramDoc) {
        MethodSpec.Builder m = signature(op, mode == Mode.RAW, result, false).addParameters(parameters);
        if (!paramDoc.isEmpty()) {
            m.addJavadoc("$L", paramDoc);
        }
        returnsDoc(m, op, mode);
        throwsDoc(m, op, mode);
        boolean isVoid = result.equals(TypeName.VOID);
        return m.addStatement(isVoid ? "$N($L)" : "return $N($L)", op.sdkMethod(), args).build();
    }

    /**
     * The signature and the common Javadoc. The main overload carries the operation's description; the shorthands
     * point to it.
     */
    private MethodSpec.Builder signature(Operation op, boolean raw, TypeName result, boolean main) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(op.sdkMethod()).addModifiers(Modifier.PUBLIC).returns(result);
        String summary = Docs.sentence(op.summary());
        m.addJavadoc("$L\n\n", summary.isEmpty() ? "Calls {@code " + op.operationId() + "}." : summary);
        String description = Docs.of(op.description());
        if (main && !description.isEmpty()) {
            m.addJavadoc("<p>$L\n\n", description);
        } else if (!main) {
            m.addJavadoc("<p>A shorthand of {@link #$L($T, $T)}.\n\n", op.sdkMethod(),
                    ClassName.get(JavaTypes.MODEL, op.typePrefix() + "Params"), JavaTypes.REQUEST_OPTIONS);
        }
        m.addJavadoc("<p>$L ({@code $L})\n\n", Docs.code(op.method() + " " + op.path()), op.operationId());
        if (op.deprecated()) {
            m.addAnnotation(Deprecated.class).addJavadoc("@deprecated deprecated in the API\n");
        }
        return m;
    }

    private static void returnsDoc(MethodSpec.Builder m, Operation op, Mode mode) {
        boolean raw = mode == Mode.RAW;
        Response r = op.response();
        String what = switch (r.kind()) {
            case VOID -> null;
            case DATA -> "the {@code data} of the response";
            case PAGE -> "the first page; {@code autoPager()} walks through all pages";
            case LIST -> "the items of the response";
            case WHOLE -> "the response body";
        };
        String description = Docs.of(r.description());
        if (mode == Mode.ASYNC) {
            m.addJavadoc("@return a future of $L, completed exceptionally with a {@code PrismaException} only\n",
                    what == null ? "nothing (204)" : what);
        } else if (raw) {
            m.addJavadoc("@return status, headers and $L\n", what == null ? "no body (204)" : what);
        } else if (what != null) {
            m.addJavadoc("@return $L$L\n", what, description.isEmpty() ? "" : " (" + stripDot(description) + ")");
        }
    }

    private static void throwsDoc(MethodSpec.Builder m, Operation op, Mode mode) {
        if (mode == Mode.ASYNC) {
            m.addJavadoc("@throws IllegalArgumentException for a path id that is empty, {@code .} or {@code ..}\n");
            return;
        }
        Map<String, List<String>> byException = new TreeMap<>();
        op.errors().forEach((status, description) -> byException.computeIfAbsent(exceptionFor(status),
                k -> new ArrayList<>()).add(status + (description == null ? "" : ": " + stripDot(Docs.of(description)))));
        byException.forEach((exception, lines) -> m.addJavadoc("@throws $T $L\n", ClassName.get(ERRORS, exception),
                String.join("; ", lines)));
        m.addJavadoc("@throws $T for any other error status\n", JavaTypes.ERRORS)
                .addJavadoc("@throws $T when no usable response arrived\n", ClassName.get(ERRORS,
                        "PrismaNetworkException"));
        if (op.response().kind() != SpecModel.ResponseKind.VOID) {
            m.addJavadoc("@throws $T when the response body does not have the documented shape\n",
                    ClassName.get(ERRORS, "PrismaDecodeException"));
        }
    }

    static String exceptionFor(int status) {
        return switch (status) {
            case 400 -> "BadRequestException";
            case 401 -> "UnauthorizedException";
            case 403 -> "PermissionDeniedException";
            case 404 -> "NotFoundException";
            case 409 -> "ConflictException";
            case 413 -> "PayloadTooLargeException";
            case 422 -> "UnprocessableEntityException";
            case 429 -> "RateLimitException";
            default -> status >= 500 ? "InternalServerException" : "UnexpectedStatusException";
        };
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private TypeName resultType(Response r, Mode mode) {
        if (mode == Mode.ASYNC) {
            TypeName sync = resultType(r, false);
            return ParameterizedTypeName.get(FUTURE, sync.equals(TypeName.VOID) ? ClassName.get(Void.class)
                    : sync.box());
        }
        return resultType(r, mode == Mode.RAW);
    }

    private TypeName resultType(Response r, boolean raw) {
        TypeName body = switch (r.kind()) {
            case VOID -> raw ? ClassName.get(Void.class) : TypeName.VOID;
            case DATA, WHOLE -> JavaTypes.of(r.type());
            case PAGE -> ParameterizedTypeName.get(JavaTypes.PAGE, JavaTypes.of(r.type()));
            case LIST -> ParameterizedTypeName.get(JavaTypes.LIST, JavaTypes.of(r.type()));
        };
        return raw ? ParameterizedTypeName.get(JavaTypes.RAW_RESPONSE, body) : body;
    }

    private CodeBlock call(Operation op, Mode mode) {
        boolean raw = mode == Mode.RAW;
        CodeBlock request = CodeBlock.of("$T.$NRequest(params)", ClassName.get(JavaTypes.SERVICES,
                Naming.serviceClass(op.group())), op.sdkMethod());
        Response r = op.response();
        if (r.kind() == SpecModel.ResponseKind.PAGE) {
            return CodeBlock.of("ctx.$L($L,$Woptions,$W$L)", mode == Mode.ASYNC ? "executePageAsync"
                    : raw ? "executePageRaw" : "executePage", request, JavaTypes.codec(r.type()));
        }
        CodeBlock body = switch (r.kind()) {
            case VOID -> CodeBlock.of("$T.none()", JavaTypes.RESPONSE_BODY);
            case DATA -> CodeBlock.of("$T.data($L)", JavaTypes.RESPONSE_BODY, JavaTypes.codec(r.type()));
            case LIST -> CodeBlock.of("$T.dataList($L)", JavaTypes.RESPONSE_BODY, JavaTypes.codec(r.type()));
            case WHOLE -> CodeBlock.of("$T.whole($L)", JavaTypes.RESPONSE_BODY, JavaTypes.codec(r.type()));
            default -> throw new IllegalStateException();
        };
        return CodeBlock.of("ctx.$L($L,$Woptions,$W$L)", mode == Mode.ASYNC ? "executeAsync"
                : raw ? "executeRaw" : "execute", request, body);
    }

    /** The private static method that turns params into an {@code ApiRequest}. */
    private MethodSpec requestMethod(Operation op) {
        ClassName params = ClassName.get(JavaTypes.MODEL, op.typePrefix() + "Params");
        MethodSpec.Builder m = MethodSpec.methodBuilder(op.sdkMethod() + "Request")
                .addModifiers(Modifier.STATIC).returns(JavaTypes.API_REQUEST)
                .addParameter(params, "params")
                .addStatement("$T.requireNonNull(params, $S)", JavaTypes.OBJECTS, "params")
                .addStatement("$T.Builder request =$W$T.builder($S,$W$S,$W$S)", JavaTypes.API_REQUEST,
                        JavaTypes.API_REQUEST, op.operationId(), op.method(), op.path());
        for (Param p : op.pathParams()) {
            m.addStatement("request.pathParam($S, params.$N())", p.name(), p.javaName());
        }
        for (Param p : op.queryParams()) {
            m.addStatement("request.query($S, $L)", p.name(), queryValue(p));
        }
        m.addStatement("params.additionalQueryParams().forEach(request::query)");
        if (op.unauthorizedMeansBodyCredential()) {
            // Declared in the spec: a 401 here rejects the token in the body, so the caller's is not refreshed.
            m.addStatement("request.unauthorizedMeansBodyCredential(true)");
        }
        if (op.hasBody()) {
            m.addStatement("request.body($T.encodeBody(params))",
                    ClassName.get(JavaTypes.CODEC, op.typePrefix() + "ParamsCodec"));
            if (hasLogicalIdBody(op)) {
                // A create that names its logicalId is safe to repeat: a duplicate is answered with 409.
                m.beginControlFlow("if (params._logicalId().isPresent())")
                        .addStatement("request.idempotency($T.IdempotencyKind.LOGICAL_ID_CREATE)",
                                JavaTypes.API_REQUEST)
                        .endControlFlow();
            }
        }
        return m.addStatement("return request.build()").build();
    }

    private static boolean hasLogicalIdBody(Operation op) {
        return op.method().equals("POST") && op.hasBody()
                && op.bodyFields().stream().map(Field::jsonName).anyMatch("logicalId"::equals);
    }

    /**
     * What a {@code getOrCreate} needs: the create, the list of the same group that finds the resource again, and the
     * inputs the list takes over from the create.
     *
     * @param create the create operation
     * @param list the list operation of the same group
     * @param createType the model the create returns
     * @param itemType the model of one list item
     * @param filtered whether the list has a {@code logicalId} query filter (else every page is searched)
     * @param copiedQuery list query parameters set from the create body field of the same name and type
     * @param copiedPath list path parameters set from the create path parameter of the same name
     */
    record GetOrCreate(Operation create, Operation list, Named createType, Named itemType, boolean filtered,
                       List<Param> copiedQuery, List<Param> copiedPath) {
    }

    /**
     * Decides whether {@code create} gets a {@code getOrCreate}: it must be the group's {@code create}, a POST whose
     * body has a string {@code logicalId} and whose response is {@code {data: Model}} with an {@code id}; the group
     * must have a {@code list} (paged or not) of models with {@code id} and {@code logicalId}, whose required inputs
     * the create can supply. With a {@code logicalId} query filter the list is asked for that logicalId only;
     * without, the list is paged through and the items compared.
     *
     * @return the plan, or null when no {@code getOrCreate} is emitted
     */
    GetOrCreate getOrCreatePlan(Operation create, List<Operation> groupOps) {
        if (!"create".equals(create.sdkMethod()) || !hasLogicalIdBody(create)
                || create.response().kind() != SpecModel.ResponseKind.DATA
                || !(create.response().type() instanceof Named createType)
                || createType.kind() != NamedKind.OBJECT || !hasField(createType, "id", false)) {
            return null;
        }
        Field logicalIdField = create.bodyFields().stream().filter(f -> f.jsonName().equals("logicalId"))
                .findFirst().orElseThrow();
        if (!logicalIdField.type().equals(new Scalar(SpecModel.ScalarKind.STRING))) {
            return null;
        }
        Operation list = groupOps.stream().filter(o -> o.sdkMethod().equals("list") && o.method().equals("GET"))
                .findFirst().orElse(null);
        if (list == null || (list.response().kind() != SpecModel.ResponseKind.PAGE
                && list.response().kind() != SpecModel.ResponseKind.LIST)
                || !(list.response().type() instanceof Named itemType) || itemType.kind() != NamedKind.OBJECT
                || !hasField(itemType, "id", false) || !hasField(itemType, "logicalId", true)) {
            return null;
        }
        boolean filtered = list.queryParams().stream().anyMatch(p -> p.name().equals("logicalId")
                && p.type().equals(logicalIdField.type()));
        List<Param> copiedQuery = new ArrayList<>();
        for (Param q : list.queryParams()) {
            if (PAGING_PARAMS.contains(q.name())) {
                continue;
            }
            boolean fromBody = create.bodyFields().stream()
                    .anyMatch(f -> f.jsonName().equals(q.name()) && f.type().equals(q.type()));
            if (fromBody) {
                copiedQuery.add(q);
            } else if (q.required()) {
                return null;
            }
        }
        List<Param> copiedPath = new ArrayList<>();
        for (Param p : list.pathParams()) {
            if (create.pathParams().stream().noneMatch(c -> c.name().equals(p.name()) && c.type().equals(p.type()))) {
                return null;
            }
            copiedPath.add(p);
        }
        return new GetOrCreate(create, list, createType, itemType, filtered, copiedQuery, copiedPath);
    }

    /** @return whether the object schema has a string field of this name (nullable only if allowed) */
    private boolean hasField(Named type, String name, boolean nullableAllowed) {
        SpecModel.ObjectSchema schema = spec.objects().get(type.name());
        return schema != null && schema.fields().stream().anyMatch(f -> f.jsonName().equals(name)
                && f.type().equals(new Scalar(SpecModel.ScalarKind.STRING))
                && (nullableAllowed || (f.required() && !f.nullable())));
    }

    private List<MethodSpec> getOrCreateMethods(GetOrCreate plan) {
        Operation create = plan.create();
        ClassName params = ClassName.get(JavaTypes.MODEL, create.typePrefix() + "Params");
        ClassName listParams = ClassName.get(JavaTypes.MODEL, plan.list().typePrefix() + "Params");
        ClassName createType = (ClassName) JavaTypes.of(plan.createType());
        ClassName itemType = (ClassName) JavaTypes.of(plan.itemType());
        TypeName result = ParameterizedTypeName.get(GET_OR_CREATE_RESULT, createType, itemType);
        ClassName conflict = ClassName.get(ERRORS, "ConflictException");
        String createOp = create.method() + " " + create.path();
        String listOp = plan.list().method() + " " + plan.list().path();

        MethodSpec.Builder main = MethodSpec.methodBuilder(GET_OR_CREATE).addModifiers(Modifier.PUBLIC)
                .returns(result).addParameter(params, "params").addParameter(JavaTypes.REQUEST_OPTIONS, "options")
                .addJavadoc("Creates the resource unless one with the same {@code logicalId} exists, and returns the "
                        + "new or the existing one. Safe to repeat and safe to retry: no failure, not even a lost "
                        + "answer, can make it create two resources.\n\n")
                .addJavadoc("<p>The create ($L) is sent with the caller's {@code logicalId}, or with a new random one "
                        + "({@code pdpkit-<uuid>}) when none is set, and is retried on transient failures even though "
                        + "it is a POST. When an attempt is answered with 409 (the resource exists, whether from an "
                        + "earlier call or from an attempt of this one whose answer was lost), the resource is "
                        + "looked up with $L$L and returned as {@link $T.Outcome#FOUND}.\n\n",
                        Docs.code(createOp), Docs.code(listOp),
                        plan.filtered() ? " filtered by {@code logicalId}" : ", paging through every item",
                        GET_OR_CREATE_RESULT)
                .addJavadoc("<p>Only a {@link $T.Outcome#CREATED} result carries the create's answer ({@link "
                        + "$T#created()}), with any one-time secrets it includes; a FOUND one carries the resource "
                        + "as the list returns it ({@link $T#found()}).\n\n", GET_OR_CREATE_RESULT,
                        GET_OR_CREATE_RESULT, GET_OR_CREATE_RESULT)
                .addJavadoc("@param params the create's parameters; a {@code logicalId} is added when missing\n"
                        + "@param options per-call options, used for the create and the lookup\n"
                        + "@return what happened, the resource's id and logicalId, and the resource\n")
                .addJavadoc("@throws $T when the create is refused with 409 and no single resource with the "
                        + "logicalId is found (for example, it exists on another branch, or another field "
                        + "conflicts)\n", conflict);
        throwsDoc(main, create, Mode.SYNC);
        main.addStatement("$T.requireNonNull(params, $S)", JavaTypes.OBJECTS, "params")
                .addStatement("$T.requireNonNull(options, $S)", JavaTypes.OBJECTS, "options")
                .addStatement("$T sent = params", params)
                .addStatement("String logicalId = params._logicalId().isPresent() ? params._logicalId().get() : null")
                .beginControlFlow("if (logicalId == null || logicalId.isEmpty())")
                .addStatement("logicalId = $T.newLogicalId()", GET_OR_CREATE_RESULT)
                .addStatement("sent = params.toBuilder().logicalId(logicalId).build()")
                .endControlFlow()
                .beginControlFlow("try")
                .addStatement("$T created = $N(sent, options)", createType, create.sdkMethod())
                .addStatement("return $T.ofCreated(created.id(), logicalId, created)", GET_OR_CREATE_RESULT)
                .nextControlFlow("catch ($T conflict)", conflict)
                .addStatement("$T found = $NFind(sent, logicalId, options, conflict)", itemType, GET_OR_CREATE)
                .addStatement("return $T.ofFound(found.id(), logicalId, found)", GET_OR_CREATE_RESULT)
                .endControlFlow();

        MethodSpec.Builder shorthand = MethodSpec.methodBuilder(GET_OR_CREATE).addModifiers(Modifier.PUBLIC)
                .returns(result).addParameter(params, "params")
                .addJavadoc("Creates the resource unless one with the same {@code logicalId} exists.\n\n"
                        + "<p>A shorthand of {@link #$L($T, $T)}.\n\n", GET_OR_CREATE, params, JavaTypes.REQUEST_OPTIONS)
                .addJavadoc("@param params the create's parameters; a {@code logicalId} is added when missing\n"
                        + "@return what happened, the resource's id and logicalId, and the resource\n")
                .addJavadoc("@throws $T when the create is refused with 409 and no single resource with the "
                        + "logicalId is found\n", conflict)
                .addStatement("return $N(params, $T.none())", GET_OR_CREATE, JavaTypes.REQUEST_OPTIONS);
        throwsDoc(shorthand, create, Mode.SYNC);

        MethodSpec.Builder find = MethodSpec.methodBuilder(GET_OR_CREATE + "Find")
                .addModifiers(Modifier.PRIVATE).returns(itemType)
                .addParameter(params, "params").addParameter(String.class, "logicalId")
                .addParameter(JavaTypes.REQUEST_OPTIONS, "options").addParameter(conflict, "conflict")
                .addStatement("$T.Builder query = $T.builder()", listParams, listParams);
        if (plan.filtered()) {
            find.addStatement("query.logicalId(logicalId)");
        }
        for (Param p : plan.copiedPath()) {
            find.addStatement("query.$N(params.$N())", p.javaName(), javaNameOfPath(create, p.name()));
        }
        for (Param q : plan.copiedQuery()) {
            String getter = create.bodyFields().stream().filter(f -> f.jsonName().equals(q.name())).findFirst()
                    .orElseThrow().javaName();
            find.beginControlFlow("if (params._$L().isPresent())", getter)
                    .addStatement("query.$N(params._$L().get())", q.javaName(), getter)
                    .endControlFlow();
        }
        find.addStatement("$T match = null", itemType);
        CodeBlock items = plan.list().response().kind() == SpecModel.ResponseKind.PAGE
                ? CodeBlock.of("$N(query.build(), options).autoPager()", plan.list().sdkMethod())
                : CodeBlock.of("$N(query.build(), options)", plan.list().sdkMethod());
        find.beginControlFlow("for ($T item : $L)", itemType, items)
                .beginControlFlow("if (logicalId.equals(item._logicalId().asOptional().orElse(null)))")
                .beginControlFlow("if (match != null && !match.id().equals(item.id()))")
                .addComment("two resources answer to the logicalId (other branches): the caller must narrow it")
                .addStatement("throw conflict")
                .endControlFlow()
                .addStatement("match = item")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("if (match == null)")
                .addComment("the 409 was about something else, or the resource went away in between")
                .addStatement("throw conflict")
                .endControlFlow()
                .addStatement("return match");
        return List.of(main.build(), shorthand.build(), find.build());
    }

    private static String javaNameOfPath(Operation op, String name) {
        return op.pathParams().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().javaName();
    }

    /** @return the {@code GetOrCreateResult} support type, emitted once next to the services */
    static TypeSpec getOrCreateResult() {
        com.palantir.javapoet.TypeVariableName c = com.palantir.javapoet.TypeVariableName.get("C");
        com.palantir.javapoet.TypeVariableName r = com.palantir.javapoet.TypeVariableName.get("R");
        ClassName outcome = GET_OR_CREATE_RESULT.nestedClass("Outcome");
        TypeName self = ParameterizedTypeName.get(GET_OR_CREATE_RESULT, c, r);
        TypeSpec outcomeType = TypeSpec.enumBuilder(outcome).addModifiers(Modifier.PUBLIC)
                .addJavadoc("What a {@code getOrCreate} did.\n")
                .addEnumConstant("CREATED", TypeSpec.anonymousClassBuilder("").addJavadoc(
                        "The create was answered with success: the resource is new, and {@link #created()} holds "
                        + "the create's answer with any one-time secrets.\n").build())
                .addEnumConstant("FOUND", TypeSpec.anonymousClassBuilder("").addJavadoc(
                        "The create was answered with 409 and the resource with the logicalId was looked up. It "
                        + "existed before the call, or an attempt of this call made it and the answer was lost; "
                        + "one-time secrets of the create's answer cannot be recovered (create new credentials "
                        + "if needed).\n").build())
                .build();
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(outcome, "outcome").addParameter(String.class, "id")
                .addParameter(String.class, "logicalId").addParameter(c, "created").addParameter(r, "found")
                .addStatement("this.outcome = outcome").addStatement("this.id = id")
                .addStatement("this.logicalId = logicalId").addStatement("this.created = created")
                .addStatement("this.found = found");
        return TypeSpec.classBuilder(GET_OR_CREATE_RESULT).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addTypeVariable(c).addTypeVariable(r)
                .addJavadoc("The result of a {@code getOrCreate}: whether the resource was created or found, its id "
                        + "and logicalId, and the resource.\n\n<p>{@code C} is the model the create returns, "
                        + "{@code R} the model the list returns. {@code toString()} shows no resource content, so "
                        + "no secret.\n\n@param <C> the create's model\n@param <R> the list's model\n")
                .addType(outcomeType)
                .addField(outcome, "outcome", Modifier.PRIVATE, Modifier.FINAL)
                .addField(String.class, "id", Modifier.PRIVATE, Modifier.FINAL)
                .addField(String.class, "logicalId", Modifier.PRIVATE, Modifier.FINAL)
                .addField(c, "created", Modifier.PRIVATE, Modifier.FINAL)
                .addField(r, "found", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(ctor.build())
                .addMethod(MethodSpec.methodBuilder("ofCreated").addModifiers(Modifier.STATIC)
                        .addTypeVariable(c).addTypeVariable(r).returns(self)
                        .addParameter(String.class, "id").addParameter(String.class, "logicalId")
                        .addParameter(c, "created")
                        .addStatement("return new $T<>($T.CREATED, id, logicalId, $T.requireNonNull(created), null)",
                                GET_OR_CREATE_RESULT, outcome, JavaTypes.OBJECTS).build())
                .addMethod(MethodSpec.methodBuilder("ofFound").addModifiers(Modifier.STATIC)
                        .addTypeVariable(c).addTypeVariable(r).returns(self)
                        .addParameter(String.class, "id").addParameter(String.class, "logicalId")
                        .addParameter(r, "found")
                        .addStatement("return new $T<>($T.FOUND, id, logicalId, null, $T.requireNonNull(found))",
                                GET_OR_CREATE_RESULT, outcome, JavaTypes.OBJECTS).build())
                .addMethod(MethodSpec.methodBuilder("newLogicalId").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(String.class)
                        .addJavadoc("@return a new random logicalId, {@code pdpkit-<uuid>}, as {@code getOrCreate} "
                                + "uses when the caller sets none\n")
                        .addStatement("return $S + $T.randomUUID()", "pdpkit-", ClassName.get("java.util", "UUID"))
                        .build())
                .addMethod(MethodSpec.methodBuilder("outcome").addModifiers(Modifier.PUBLIC).returns(outcome)
                        .addJavadoc("@return whether the resource was created or found\n")
                        .addStatement("return outcome").build())
                .addMethod(MethodSpec.methodBuilder("wasCreated").addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN)
                        .addJavadoc("@return true when the create succeeded, so {@link #created()} is present\n")
                        .addStatement("return outcome == $T.CREATED", outcome).build())
                .addMethod(MethodSpec.methodBuilder("id").addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addJavadoc("@return the resource's id, either way\n").addStatement("return id").build())
                .addMethod(MethodSpec.methodBuilder("logicalId").addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addJavadoc("@return the logicalId sent (the caller's or the generated one)\n")
                        .addStatement("return logicalId").build())
                .addMethod(MethodSpec.methodBuilder("created").addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(JavaTypes.OPTIONAL, c))
                        .addJavadoc("@return the create's answer when {@link Outcome#CREATED}\n")
                        .addStatement("return $T.ofNullable(created)", JavaTypes.OPTIONAL).build())
                .addMethod(MethodSpec.methodBuilder("found").addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(JavaTypes.OPTIONAL, r))
                        .addJavadoc("@return the existing resource when {@link Outcome#FOUND}\n")
                        .addStatement("return $T.ofNullable(found)", JavaTypes.OPTIONAL).build())
                .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addStatement("return $S + outcome + $S + id + $S + logicalId + $S", "GetOrCreateResult{outcome=",
                                ", id=", ", logicalId=", "}").build())
                .build();
    }

    /** The value handed to {@code ApiRequest.Builder.query}: its {@code toString()} is what goes on the wire. */
    private static CodeBlock queryValue(Param p) {
        CodeBlock get = CodeBlock.of("params.$N()", p.javaName());
        if (p.type() instanceof Scalar) {
            switch (((Scalar) p.type()).kind()) {
                case DECIMAL:
                    return p.required() ? CodeBlock.of("$L.toPlainString()", get)
                            : CodeBlock.of("$L.map($T::toPlainString).orElse(null)", get, JavaTypes.BIG_DECIMAL);
                case DATE_TIME:
                case DATE:
                    String formatter = ((Scalar) p.type()).kind() == SpecModel.ScalarKind.DATE
                            ? "ISO_LOCAL_DATE" : "ISO_OFFSET_DATE_TIME";
                    return p.required() ? CodeBlock.of("$T.$L.format($L)", JavaTypes.DATE_TIME_FORMATTER, formatter, get)
                            : CodeBlock.of("$L.map($T.$L::format).orElse(null)", get, JavaTypes.DATE_TIME_FORMATTER,
                                    formatter);
                default:
                    break;
            }
        } else if (!(p.type() instanceof ListOf)
                && !(p.type() instanceof Named && ((Named) p.type()).kind() == NamedKind.ENUM)) {
            throw new IllegalStateException("unexpected query type " + p.type());
        }
        // Strings, integers, booleans, open enums and lists of those: toString() is the wire value.
        return p.required() ? get : CodeBlock.of("$L.orElse(null)", get);
    }
}
