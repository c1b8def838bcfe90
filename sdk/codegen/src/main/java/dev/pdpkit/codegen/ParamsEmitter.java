package dev.pdpkit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pdpkit.codegen.SpecModel.Field;
import dev.pdpkit.codegen.SpecModel.Operation;
import dev.pdpkit.codegen.SpecModel.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits the parameter class of each operation ({@code ProjectCreateParams} and so on): its path, query and body
 * members, the extra body members and query parameters a caller may add, and its builder.
 */
final class ParamsEmitter {
    private static final Set<String> PARAMS_RESERVED = ModelEmitter.union(ModelEmitter.OBJECT_METHODS, Set.of("builder", "toBuilder", "none",
            "build", "additionalBodyProperties", "additionalQueryParams", "putAdditionalBodyProperty",
            "putAllAdditionalBodyProperties", "removeAdditionalBodyProperty", "putAdditionalQueryParam",
            "removeAdditionalQueryParam"));

    TypeSpec params(Operation op) {
        ClassName self = ClassName.get(JavaTypes.MODEL, op.typePrefix() + "Params");
        ClassName builder = self.nestedClass("Builder");
        String where = "operation " + op.operationId();
        ModelEmitter.checkReserved(op.bodyFields(), PARAMS_RESERVED, where);
        for (Param p : allParams(op)) {
            if (PARAMS_RESERVED.contains(p.javaName())) {
                throw new SpecException(where, "parameter name " + p.javaName() + " is reserved in params classes");
            }
        }
        boolean none = op.pathParams().isEmpty() && !op.needsMoreThanPath();

        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        type.addJavadoc("The parameters of $L ({@code $L}).\n\n", Docs.code(op.method() + " " + op.path()),
                op.operationId());
        if (op.hasBody()) {
            type.addJavadoc("<p>Body fields are sent only when set, so an update sends exactly what was set; a "
                    + "nullable field set to null sends an explicit {@code null}.\n");
        }
        if (none) {
            type.addField(FieldSpec.builder(self, "NONE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("builder().build()").build());
        }
        for (Param p : allParams(op)) {
            type.addField(JavaTypes.of(p.type()), p.javaName(), Modifier.PRIVATE, Modifier.FINAL);
        }
        for (Field f : op.bodyFields()) {
            type.addField(FieldMembers.store(f));
        }
        if (op.hasBody()) {
            type.addField(JavaTypes.STRING_OBJECT_MAP, "additionalBodyProperties", Modifier.PRIVATE, Modifier.FINAL);
        }
        type.addField(JavaTypes.QUERY_MAP, "additionalQueryParams", Modifier.PRIVATE, Modifier.FINAL);

        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "builder");
        for (Param p : allParams(op)) {
            ctor.addStatement("this.$N = builder.$N", p.javaName(), p.javaName());
        }
        for (Field f : op.bodyFields()) {
            ctor.addStatement("this.$N = builder.$N", f.javaName(), f.javaName());
        }
        if (op.hasBody()) {
            ctor.addStatement("this.additionalBodyProperties =$W$T.unmodifiableMap(new $T<>(builder"
                    + ".additionalBodyProperties))", JavaTypes.COLLECTIONS, JavaTypes.LINKED_HASH_MAP);
        }
        ctor.addStatement("$T query = new $T<>()", JavaTypes.QUERY_MAP, JavaTypes.LINKED_HASH_MAP)
                .addStatement("builder.additionalQueryParams.forEach((k, v) -> query.put(k, $T.copyOf(v)))",
                        JavaTypes.LIST)
                .addStatement("this.additionalQueryParams = $T.unmodifiableMap(query)", JavaTypes.COLLECTIONS);
        type.addMethod(ctor.build());

        if (none) {
            type.addMethod(MethodSpec.methodBuilder("none").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(self).addStatement("return NONE")
                    .addJavadoc("@return params with nothing set, all parameters of this operation being optional\n")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder).addStatement("return new $T()", builder)
                .addJavadoc("@return a new builder with nothing set\n").build());

        for (Param p : allParams(op)) {
            MethodSpec.Builder m = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC);
            String doc = Docs.of(p.description());
            if (!doc.isEmpty()) {
                m.addJavadoc("$L\n\n", doc);
            }
            if (p.required()) {
                m.returns(JavaTypes.of(p.type())).addStatement("return $N", p.javaName())
                        .addJavadoc("@return the {@code $L} parameter\n", p.name());
            } else {
                m.returns(ParameterizedTypeName.get(JavaTypes.OPTIONAL, JavaTypes.of(p.type())))
                        .addStatement("return $T.ofNullable($N)", JavaTypes.OPTIONAL, p.javaName())
                        .addJavadoc("@return the {@code $L} parameter, or empty when not set\n", p.name());
            }
            ModelEmitter.deprecate(m, p.deprecated());
            type.addMethod(m.build());
        }
        for (Field f : op.bodyFields()) {
            type.addMethods(FieldMembers.accessors(f, false));
        }
        if (op.hasBody()) {
            type.addMethod(MethodSpec.methodBuilder("additionalBodyProperties").addModifiers(Modifier.PUBLIC)
                    .returns(JavaTypes.STRING_OBJECT_MAP).addStatement("return additionalBodyProperties")
                    .addJavadoc("@return extra members sent in the JSON body, as plain values, unmodifiable\n")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("additionalQueryParams").addModifiers(Modifier.PUBLIC)
                .returns(JavaTypes.QUERY_MAP).addStatement("return additionalQueryParams")
                .addJavadoc("@return extra query parameters sent with the request, unmodifiable\n").build());

        MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
                .returns(builder).addJavadoc("@return a new builder initialised with these params\n")
                .addStatement("$T b = new $T()", builder, builder);
        List<String> members = new ArrayList<>();
        for (Param p : allParams(op)) {
            toBuilder.addStatement("b.$N = $N", p.javaName(), p.javaName());
            members.add(p.javaName());
        }
        for (Field f : op.bodyFields()) {
            toBuilder.addStatement("b.$N = $N", f.javaName(), f.javaName());
            members.add(f.javaName());
        }
        if (op.hasBody()) {
            toBuilder.addStatement("b.additionalBodyProperties.putAll(additionalBodyProperties)");
            members.add("additionalBodyProperties");
        }
        toBuilder.addStatement("additionalQueryParams.forEach((k, v) -> b.additionalQueryParams.put(k, new $T<>(v)))",
                JavaTypes.ARRAY_LIST).addStatement("return b");
        members.add("additionalQueryParams");
        type.addMethod(toBuilder.build());
        type.addMethod(ModelEmitter.equalsMethod(self, members));
        type.addMethod(ModelEmitter.hashCodeMethod(members));

        CodeBlock.Builder str = CodeBlock.builder().add("return $T.of($S)", JavaTypes.TO_STRING, self.simpleName());
        for (Param p : allParams(op)) {
            str.add("\n.addValue($S, $N)", p.javaName(), p.javaName());
        }
        op.bodyFields().forEach(f -> str.add(FieldMembers.toStringPart(f)));
        if (op.hasBody()) {
            str.add("\n.addNames($S, additionalBodyProperties)", "additionalBodyProperties");
        }
        str.add("\n.addNames($S, additionalQueryParams)", "additionalQueryParams").add("\n.toString()");
        type.addMethod(ModelEmitter.toStringMethod(str.build(), "Secret fields print as {@code ***}; additional properties "
                + "print their names only."));

        type.addType(paramsBuilder(op, self, builder));
        return type.build();
    }

    private TypeSpec paramsBuilder(Operation op, ClassName self, ClassName builder) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("Builds {@link $T}. Not thread-safe.\n", self);
        for (Param p : allParams(op)) {
            b.addField(JavaTypes.of(p.type()), p.javaName(), Modifier.PRIVATE);
        }
        for (Field f : op.bodyFields()) {
            b.addField(FieldMembers.builderStore(f));
        }
        if (op.hasBody()) {
            b.addField(FieldSpec.builder(JavaTypes.STRING_OBJECT_MAP, "additionalBodyProperties", Modifier.PRIVATE,
                    Modifier.FINAL).initializer("new $T<>()", JavaTypes.LINKED_HASH_MAP).build());
        }
        b.addField(FieldSpec.builder(JavaTypes.QUERY_MAP, "additionalQueryParams", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>()", JavaTypes.LINKED_HASH_MAP).build());
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

        for (Param p : op.pathParams()) {
            MethodSpec.Builder m = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC)
                    .returns(builder).addParameter(JavaTypes.of(p.type()), p.javaName())
                    .addJavadoc("Sets the path parameter {@code $L}.$L\n\n", p.name(), ModelEmitter.docSuffix(p.description()))
                    .addJavadoc("@param $L the value, not null\n@return this builder\n", p.javaName())
                    .addStatement("this.$N = $T.requireNonNull($N, $S)", p.javaName(), JavaTypes.OBJECTS,
                            p.javaName(), p.javaName())
                    .addStatement("return this");
            ModelEmitter.deprecate(m, p.deprecated());
            b.addMethod(m.build());
        }
        for (Param p : op.queryParams()) {
            MethodSpec.Builder m = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC)
                    .returns(builder).addParameter(JavaTypes.of(p.type()), p.javaName())
                    .addJavadoc("Sets the query parameter {@code $L}.$L\n\n", p.name(), ModelEmitter.docSuffix(p.description()))
                    .addJavadoc("@param $L the value, or null to leave it out\n@return this builder\n", p.javaName())
                    .addStatement(JavaTypes.isList(p.type()) ? "this.$N = $N == null ? null : $T.copyOf($N)"
                            : "this.$N = $N", listArgs(p))
                    .addStatement("return this");
            ModelEmitter.deprecate(m, p.deprecated());
            b.addMethod(m.build());
            if (JavaTypes.isDecimal(p.type())) {
                MethodSpec.Builder whole = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC)
                        .returns(builder).addParameter(long.class, p.javaName())
                        .addJavadoc("Sets the query parameter {@code $L} to a whole number.\n\n", p.name())
                        .addJavadoc("@param $L the value\n@return this builder\n", p.javaName())
                        .addStatement("return $N($T.valueOf($N))", p.javaName(), JavaTypes.BIG_DECIMAL, p.javaName());
                ModelEmitter.deprecate(whole, p.deprecated());
                b.addMethod(whole.build());
            }
        }
        for (Field f : op.bodyFields()) {
            b.addMethods(FieldMembers.setters(f, builder));
        }
        if (op.hasBody()) {
            ModelEmitter.addAdditionalSetters(b, builder, "AdditionalBodyProperty", "AdditionalBodyProperties",
                    "additionalBodyProperties");
        }
        b.addMethod(MethodSpec.methodBuilder("putAdditionalQueryParam").addModifiers(Modifier.PUBLIC)
                .returns(builder).addParameter(String.class, "key").addParameter(String.class, "value")
                .addJavadoc("Adds a query parameter the SDK does not model; repeated calls add repeated values.\n\n"
                        + "@param key the parameter name\n@param value the value\n@return this builder\n")
                .addStatement("$T.requireNonNull(key, $S)", JavaTypes.OBJECTS, "key")
                .addStatement("$T.requireNonNull(value, $S)", JavaTypes.OBJECTS, "value")
                .addStatement("additionalQueryParams.computeIfAbsent(key, k -> new $T<>()).add(value)",
                        JavaTypes.ARRAY_LIST)
                .addStatement("return this").build());
        b.addMethod(MethodSpec.methodBuilder("removeAdditionalQueryParam").addModifiers(Modifier.PUBLIC)
                .returns(builder).addParameter(String.class, "key")
                .addJavadoc("Removes every value of an additional query parameter.\n\n"
                        + "@param key the parameter name\n@return this builder\n")
                .addStatement("additionalQueryParams.remove(key)").addStatement("return this").build());

        List<CodeBlock> paramChecks = new ArrayList<>();
        for (Param p : allParams(op)) {
            if (p.required()) {
                paramChecks.add(CodeBlock.of("if ($N == null) {\n$>missing.add($S);\n$<}\n", p.javaName(),
                        p.javaName()));
            }
        }
        b.addMethod(ModelEmitter.buildMethod(self, self.simpleName(), ModelEmitter.requiredChecks(op.bodyFields(), paramChecks)));
        return b.build();
    }

    private static Object[] listArgs(Param p) {
        return JavaTypes.isList(p.type())
                ? new Object[] {p.javaName(), p.javaName(), JavaTypes.LIST, p.javaName()}
                : new Object[] {p.javaName(), p.javaName()};
    }

    private static List<Param> allParams(Operation op) {
        List<Param> all = new ArrayList<>(op.pathParams());
        all.addAll(op.queryParams());
        return all;
    }
}
