package dev.pdpkit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
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


    /** Which form of a service's methods is emitted. */
    enum Mode {
        SYNC, RAW, ASYNC, ASYNC_RAW;

        boolean raw() {
            return this == RAW || this == ASYNC_RAW;
        }

        boolean async() {
            return this == ASYNC || this == ASYNC_RAW;
        }
    }

    private static final ClassName FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");

    private final SpecModel spec;
    private final GetOrCreateEmitter getOrCreate;
    /** Group path ("projects.databases") to its operations; every prefix of a group is a node too. */
    private final SortedMap<String, List<Operation>> groups = new TreeMap<>();

    ServiceEmitter(SpecModel spec) {
        this.spec = spec;
        this.getOrCreate = new GetOrCreateEmitter(spec);
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
                if (getOrCreate.plan(op, ops) != null) {
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
        String path = String.join(".", group);
        Map<String, ClassName> children = children(path);
        checkNames(path, ops, children);

        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The operations of the {@code $L} group of the Management API.\n", path);
        if (!children.isEmpty()) {
            type.addJavadoc("\n<p>Sub-groups: $L.\n", String.join(", ", children.keySet().stream()
                    .map(c -> "{@link #" + c + "()}").toList()));
        }
        addContextAndChildren(type, self, path, children, "the client's accessor");
        TypeSpec.Builder rawType = rawView(type, self, path, children, "a {@link $T}", JavaTypes.RAW_RESPONSE);

        for (Operation op : ops) {
            type.addMethods(methods(op, Mode.SYNC));
            rawType.addMethods(methods(op, Mode.RAW));
            type.addMethod(requestMethod(op));
            CodeBlock reader = responseReader(op.response());
            if (reader != null) {
                // One reader per operation, made once: building it on every call cost an allocation per call.
                TypeName result = op.response().kind() == SpecModel.ResponseKind.VOID ? ClassName.get(Void.class)
                        : resultType(op.response(), false);
                type.addField(FieldSpec.builder(ParameterizedTypeName.get(JavaTypes.RESPONSE_BODY, result),
                        readerField(op), Modifier.STATIC, Modifier.FINAL)
                        .initializer(reader).build());
            }
        }
        addGetOrCreate(type, ops, false);
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
        addContextAndChildren(type, self, path, children, "{@code client.async()}");
        TypeSpec.Builder rawType = rawView(type, self, path, children, "a future of a {@link $T}",
                JavaTypes.RAW_RESPONSE);
        for (Operation op : ops) {
            type.addMethods(methods(op, Mode.ASYNC));
            rawType.addMethods(methods(op, Mode.ASYNC_RAW));
        }
        addGetOrCreate(type, ops, true);
        type.addType(rawType.build());
        return type.build();
    }

    /** Adds {@code getOrCreate} for each create of the group that can have one, blocking or as futures. */
    private void addGetOrCreate(TypeSpec.Builder type, List<Operation> ops, boolean async) {
        for (Operation op : ops) {
            GetOrCreateEmitter.Plan plan = getOrCreate.plan(op, ops);
            if (plan != null) {
                type.addMethods(getOrCreate.methods(plan, async));
            }
        }
    }

    /**
     * The {@code withRawResponse()} accessor of a service and the start of its view type (a nested
     * {@code WithRawResponse} with an accessor per sub-group); the caller adds the operations and the type.
     */
    private static TypeSpec.Builder rawView(TypeSpec.Builder service, ClassName self, String path,
                                            Map<String, ClassName> children, String returns, ClassName rawResponse) {
        ClassName raw = self.nestedClass("WithRawResponse");
        service.addMethod(MethodSpec.methodBuilder("withRawResponse").addModifiers(Modifier.PUBLIC).returns(raw)
                .addStatement("return withRawResponse")
                .addJavadoc("Returns a view of this service whose methods also return the HTTP status and headers."
                        + "\n\n@return the raw-response view\n").build());
        TypeSpec.Builder rawType = TypeSpec.classBuilder(raw).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("{@link $T} with every method returning " + returns + ": status, headers and the parsed "
                        + "body.\n", self, rawResponse)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        children.forEach((name, cls) -> rawType.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC).returns(cls.nestedClass("WithRawResponse"))
                .addStatement("return $N.withRawResponse()", name)
                .addJavadoc("@return the raw-response view of {@code $L.$L}\n", path, name).build()));
        return rawType;
    }

    /**
     * The part every service shares, blocking or not: the context field, one field and accessor per sub-group, the
     * raw-response view's field, and the package-private constructor that creates them.
     */
    private static void addContextAndChildren(TypeSpec.Builder type, ClassName self, String path,
                                              Map<String, ClassName> children, String accessor) {
        ClassName raw = self.nestedClass("WithRawResponse");
        type.addField(JavaTypes.CLIENT_CONTEXT, "ctx", Modifier.PRIVATE, Modifier.FINAL);
        children.forEach((name, cls) -> type.addField(cls, name, Modifier.PRIVATE, Modifier.FINAL));
        type.addField(raw, "withRawResponse", Modifier.PRIVATE, Modifier.FINAL);
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
                .addParameter(JavaTypes.CLIENT_CONTEXT, "ctx")
                .addJavadoc("The client creates its services; use $L.\n\n@param ctx the client's request pipeline\n",
                        accessor)
                .addStatement("this.ctx = $T.requireNonNull(ctx, $S)", JavaTypes.OBJECTS, "ctx");
        children.forEach((name, cls) -> ctor.addStatement("this.$N = new $T(ctx)", name, cls));
        ctor.addStatement("this.withRawResponse = new $T()", raw);
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
            if (RESERVED.contains(op.sdkMethod()) || GetOrCreateEmitter.NAME.equals(op.sdkMethod())
                    || !names.add(op.sdkMethod())) {
                throw new SpecException("group " + path, "x-sdk-method " + op.sdkMethod()
                        + " clashes with a sub-group or a reserved name");
            }
        }
    }

    /** The public methods of one operation, in one of the four forms. */
    private List<MethodSpec> methods(Operation op, Mode mode) {
        ClassName params = ClassName.get(JavaTypes.MODEL, op.typePrefix() + "Params");
        TypeName result = resultType(op.response(), mode);
        boolean isVoid = result.equals(TypeName.VOID);
        List<MethodSpec> out = new ArrayList<>();

        MethodSpec.Builder main = signature(op, result, true);
        if (mode == Mode.SYNC && hasLogicalIdBody(op)) {
            main.addJavadoc("<p>With a {@code logicalId} set, this create is retried like a GET (a repeat cannot make a "
                    + "second resource: the API answers it with 409). If an attempt was carried out but its answer "
                    + "was lost, the retry therefore fails with {@code ConflictException}; $L returns the existing "
                    + "resource in that case.\n\n", getOrCreate.plan(op, groups.get(String.join(".", op.group()))) != null
                    ? "{@link #" + GetOrCreateEmitter.NAME + "(" + op.typePrefix() + "Params, RequestOptions)}"
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
        MethodSpec.Builder m = signature(op, result, false).addParameters(parameters);
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
    private MethodSpec.Builder signature(Operation op, TypeName result, boolean main) {
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
        boolean raw = mode.raw();
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
        } else if (mode == Mode.ASYNC_RAW) {
            m.addJavadoc("@return a future of status, headers and $L, completed exceptionally with a "
                    + "{@code PrismaException} only\n", what == null ? "no body (204)" : what);
        } else if (raw) {
            m.addJavadoc("@return status, headers and $L\n", what == null ? "no body (204)" : what);
        } else if (what != null) {
            m.addJavadoc("@return $L$L\n", what, description.isEmpty() ? "" : " (" + stripDot(description) + ")");
        }
    }

    static void throwsDoc(MethodSpec.Builder m, Operation op, Mode mode) {
        if (mode.async()) {
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
        if (mode.async()) {
            TypeName sync = resultType(r, mode.raw());
            return ParameterizedTypeName.get(FUTURE, sync.equals(TypeName.VOID) ? ClassName.get(Void.class)
                    : sync.box());
        }
        return resultType(r, mode.raw());
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
        CodeBlock request = CodeBlock.of("$T.$NRequest(params)", ClassName.get(JavaTypes.SERVICES,
                Naming.serviceClass(op.group())), op.sdkMethod());
        Response r = op.response();
        if (r.kind() == SpecModel.ResponseKind.PAGE) {
            return CodeBlock.of("ctx.$L($L,$Woptions,$W$L)", executor("executePage", mode), request,
                    JavaTypes.codec(r.type()));
        }
        CodeBlock body = CodeBlock.of("$T.$N", ClassName.get(JavaTypes.SERVICES, Naming.serviceClass(op.group())),
                readerField(op));
        return CodeBlock.of("ctx.$L($L,$Woptions,$W$L)", executor("execute", mode), request, body);
    }

    /** @return the {@code ClientContext} method of a form: {@code execute}, {@code executeRawAsync}, ... */
    private static String executor(String base, Mode mode) {
        return base + (mode.raw() ? "Raw" : "") + (mode.async() ? "Async" : "");
    }

    /** @return how the successful body becomes the result, or null for pages (read by the page machinery) */
    private static CodeBlock responseReader(Response r) {
        return switch (r.kind()) {
            case VOID -> CodeBlock.of("$T.none()", JavaTypes.RESPONSE_BODY);
            case DATA -> CodeBlock.of("$T.data($L)", JavaTypes.RESPONSE_BODY, JavaTypes.codec(r.type()));
            case LIST -> CodeBlock.of("$T.dataList($L)", JavaTypes.RESPONSE_BODY, JavaTypes.codec(r.type()));
            case WHOLE -> CodeBlock.of("$T.whole($L)", JavaTypes.RESPONSE_BODY, JavaTypes.codec(r.type()));
            case PAGE -> null;
        };
    }

    private static String readerField(Operation op) {
        return Naming.constant(op.sdkMethod().replaceAll("([a-z0-9])([A-Z])", "$1_$2")) + "_RESPONSE";
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

    static boolean hasLogicalIdBody(Operation op) {
        return op.method().equals("POST") && op.hasBody()
                && op.bodyFields().stream().map(Field::jsonName).anyMatch("logicalId"::equals);
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
