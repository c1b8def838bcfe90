package dev.pdpkit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.pdpkit.codegen.SpecModel.Field;
import dev.pdpkit.codegen.SpecModel.Named;
import dev.pdpkit.codegen.SpecModel.NamedKind;
import dev.pdpkit.codegen.SpecModel.Operation;
import dev.pdpkit.codegen.SpecModel.Param;
import dev.pdpkit.codegen.SpecModel.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code getOrCreate} next to a {@code create} that takes a {@code logicalId}, and the {@code GetOrCreateResult}
 * it returns: create once, and on a repeat (a retried or re-run create answered 409) find the resource again through
 * the group's {@code list}.
 */
final class GetOrCreateEmitter {
    /** The method emitted next to such a {@code create}. */
    static final String NAME = "getOrCreate";
    static final ClassName RESULT = ClassName.get(JavaTypes.SERVICES, "GetOrCreateResult");
    private static final String ERRORS = JavaTypes.ROOT + ".errors";
    private static final Set<String> PAGING_PARAMS = Set.of("cursor", "limit", "logicalId");
    private static final ClassName FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
    private static final ClassName SUPPORT = ClassName.get(JavaTypes.ROOT + ".internal", "GetOrCreateSupport");

    private final SpecModel spec;

    GetOrCreateEmitter(SpecModel spec) {
        this.spec = spec;
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
    record Plan(Operation create, Operation list, Named createType, Named itemType, boolean filtered,
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
    Plan plan(Operation create, List<Operation> groupOps) {
        if (!"create".equals(create.sdkMethod()) || !ServiceEmitter.hasLogicalIdBody(create)
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
        return new Plan(create, list, createType, itemType, filtered, copiedQuery, copiedPath);
    }

    /** @return whether the object schema has a string field of this name (nullable only if allowed) */
    private boolean hasField(Named type, String name, boolean nullableAllowed) {
        SpecModel.ObjectSchema schema = spec.objects().get(type.name());
        return schema != null && schema.fields().stream().anyMatch(f -> f.jsonName().equals(name)
                && f.type().equals(new Scalar(SpecModel.ScalarKind.STRING))
                && (nullableAllowed || (f.required() && !f.nullable())));
    }

    /**
     * @param plan what the methods need
     * @param async whether they are for the non-blocking service (returning futures)
     * @return {@code getOrCreate(params, options)}, {@code getOrCreate(params)} and the private lookup
     */
    List<MethodSpec> methods(Plan plan, boolean async) {
        Operation create = plan.create();
        ClassName params = ClassName.get(JavaTypes.MODEL, create.typePrefix() + "Params");
        ClassName createType = (ClassName) JavaTypes.of(plan.createType());
        ClassName itemType = (ClassName) JavaTypes.of(plan.itemType());
        TypeName result = ParameterizedTypeName.get(RESULT, createType, itemType);
        TypeName returned = async ? ParameterizedTypeName.get(FUTURE, result) : result;
        ClassName conflict = ClassName.get(ERRORS, "ConflictException");
        String createOp = create.method() + " " + create.path();
        String listOp = plan.list().method() + " " + plan.list().path();
        String refused = "when the create is refused with 409 and no single resource with the logicalId is found";

        MethodSpec.Builder main = MethodSpec.methodBuilder(NAME).addModifiers(Modifier.PUBLIC)
                .returns(returned).addParameter(params, "params").addParameter(JavaTypes.REQUEST_OPTIONS, "options")
                .addJavadoc("Creates the resource unless one with the same {@code logicalId} exists, and returns the "
                        + "new or the existing one$L. Safe to repeat and safe to retry: no failure, not even a lost "
                        + "answer, can make it create two resources.\n\n", async ? ", without blocking" : "")
                .addJavadoc("<p>The create ($L) is sent with the caller's {@code logicalId}, or with a new random one "
                        + "({@code pdpkit-<uuid>}) when none is set, and is retried on transient failures even though "
                        + "it is a POST. When an attempt is answered with 409 (the resource exists, whether from an "
                        + "earlier call or from an attempt of this one whose answer was lost), the resource is "
                        + "looked up with $L$L and returned as {@link $T.Outcome#FOUND}.\n\n",
                        Docs.code(createOp), Docs.code(listOp),
                        plan.filtered() ? " filtered by {@code logicalId}" : ", paging through every item",
                        RESULT)
                .addJavadoc("<p>Only a {@link $T.Outcome#CREATED} result carries the create's answer ({@link "
                        + "$T#created()}), with any one-time secrets it includes; a FOUND one carries the resource "
                        + "as the list returns it ({@link $T#found()}).\n\n", RESULT,
                        RESULT, RESULT)
                .addJavadoc("@param params the create's parameters; a {@code logicalId} is added when missing\n"
                        + "@param options per-call options, used for the create and the lookup\n");
        if (async) {
            main.addJavadoc("@return a future of what happened, the resource's id and logicalId, and the resource; "
                    + "completed exceptionally with a {@code PrismaException} only, a {@link $T} $L (for example, it "
                    + "exists on another branch, or another field conflicts). Cancelling it stops the create's "
                    + "retries, or the lookup before its next page\n", conflict, refused);
        } else {
            main.addJavadoc("@return what happened, the resource's id and logicalId, and the resource\n")
                    .addJavadoc("@throws $T $L (for example, it exists on another branch, or another field "
                            + "conflicts)\n", conflict, refused);
        }
        ServiceEmitter.throwsDoc(main, create, async ? ServiceEmitter.Mode.ASYNC : ServiceEmitter.Mode.SYNC);
        main.addStatement("$T.requireNonNull(params, $S)", JavaTypes.OBJECTS, "params")
                .addStatement("$T.requireNonNull(options, $S)", JavaTypes.OBJECTS, "options")
                .addStatement("String given = params._logicalId().isPresent() ? params._logicalId().get() : null")
                .addStatement("String logicalId = given == null || given.isEmpty() ? $T.newLogicalId() : given",
                        RESULT)
                .addStatement("$T sent = logicalId.equals(given) ? params : params.toBuilder().logicalId(logicalId)"
                        + ".build()", params);
        if (async) {
            main.addStatement("return $T.async($N(sent, options),$W"
                    + "created -> $T.ofCreated(created.id(), logicalId, created),$W"
                    + "conflict -> $NFind(sent, logicalId, options, conflict),$W"
                    + "found -> $T.ofFound(found.id(), logicalId, found))", SUPPORT, create.sdkMethod(), RESULT,
                    NAME, RESULT);
        } else {
            main.beginControlFlow("try")
                    .addStatement("$T created = $N(sent, options)", createType, create.sdkMethod())
                    .addStatement("return $T.ofCreated(created.id(), logicalId, created)", RESULT)
                    .nextControlFlow("catch ($T conflict)", conflict)
                    .addStatement("$T found = $NFind(sent, logicalId, options, conflict)", itemType, NAME)
                    .addStatement("return $T.ofFound(found.id(), logicalId, found)", RESULT)
                    .endControlFlow();
        }

        MethodSpec.Builder shorthand = MethodSpec.methodBuilder(NAME).addModifiers(Modifier.PUBLIC)
                .returns(returned).addParameter(params, "params")
                .addJavadoc("Creates the resource unless one with the same {@code logicalId} exists.\n\n"
                        + "<p>A shorthand of {@link #$L($T, $T)}.\n\n", NAME, params, JavaTypes.REQUEST_OPTIONS)
                .addJavadoc("@param params the create's parameters; a {@code logicalId} is added when missing\n");
        if (async) {
            shorthand.addJavadoc("@return a future of what happened, the resource's id and logicalId, and the "
                    + "resource; completed exceptionally with a {@code PrismaException} only, a {@link $T} $L\n",
                    conflict, refused);
        } else {
            shorthand.addJavadoc("@return what happened, the resource's id and logicalId, and the resource\n")
                    .addJavadoc("@throws $T $L\n", conflict, refused);
        }
        ServiceEmitter.throwsDoc(shorthand, create, async ? ServiceEmitter.Mode.ASYNC : ServiceEmitter.Mode.SYNC);
        shorthand.addStatement("return $N(params, $T.none())", NAME, JavaTypes.REQUEST_OPTIONS);
        return List.of(main.build(), shorthand.build(), find(plan, async, itemType, conflict));
    }

    /** The private lookup after a 409: the list, narrowed as far as it allows, searched for the logicalId. */
    private static MethodSpec find(Plan plan, boolean async, ClassName itemType, ClassName conflict) {
        Operation create = plan.create();
        ClassName params = ClassName.get(JavaTypes.MODEL, create.typePrefix() + "Params");
        ClassName listParams = ClassName.get(JavaTypes.MODEL, plan.list().typePrefix() + "Params");
        MethodSpec.Builder find = MethodSpec.methodBuilder(NAME + "Find")
                .addModifiers(Modifier.PRIVATE).returns(async ? ParameterizedTypeName.get(FUTURE, itemType) : itemType)
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
        ClassName match = SUPPORT.nestedClass("Match");
        find.addStatement("$T<$T> match = new $T<>(logicalId, conflict, $T::id,$W"
                + "item -> item._logicalId().asOptional().orElse(null))", match, itemType, match, itemType);
        boolean paged = plan.list().response().kind() == SpecModel.ResponseKind.PAGE;
        String list = plan.list().sdkMethod();
        if (async && paged) {
            find.addStatement("return $N(query.build(), options)$W"
                    + ".thenCompose(page -> page.autoPager().forEachAsync(match))$W"
                    + ".thenApply(done -> match.result())", list);
        } else if (async) {
            find.addStatement("return $N(query.build(), options).thenApply(items -> {$>$W"
                    + "items.forEach(match);$Wreturn match.result();$<$W})", list);
        } else {
            find.addStatement("$N(query.build(), options)$L.forEach(match)", list, paged ? ".autoPager()" : "")
                    .addStatement("return match.result()");
        }
        return find.build();
    }

    private static String javaNameOfPath(Operation op, String name) {
        return op.pathParams().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().javaName();
    }

    /** @return the {@code GetOrCreateResult} support type, emitted once next to the services */
    static TypeSpec resultType() {
        com.palantir.javapoet.TypeVariableName c = com.palantir.javapoet.TypeVariableName.get("C");
        com.palantir.javapoet.TypeVariableName r = com.palantir.javapoet.TypeVariableName.get("R");
        ClassName outcome = RESULT.nestedClass("Outcome");
        TypeName self = ParameterizedTypeName.get(RESULT, c, r);
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
        return TypeSpec.classBuilder(RESULT).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
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
                                RESULT, outcome, JavaTypes.OBJECTS).build())
                .addMethod(MethodSpec.methodBuilder("ofFound").addModifiers(Modifier.STATIC)
                        .addTypeVariable(c).addTypeVariable(r).returns(self)
                        .addParameter(String.class, "id").addParameter(String.class, "logicalId")
                        .addParameter(r, "found")
                        .addStatement("return new $T<>($T.FOUND, id, logicalId, null, $T.requireNonNull(found))",
                                RESULT, outcome, JavaTypes.OBJECTS).build())
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
}
