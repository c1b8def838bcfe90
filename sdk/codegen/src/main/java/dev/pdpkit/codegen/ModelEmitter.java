package dev.pdpkit.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.pdpkit.codegen.SpecModel.EnumSchema;
import dev.pdpkit.codegen.SpecModel.Field;
import dev.pdpkit.codegen.SpecModel.ObjectSchema;
import dev.pdpkit.codegen.SpecModel.Scalar;
import dev.pdpkit.codegen.SpecModel.ScalarKind;
import dev.pdpkit.codegen.SpecModel.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Emits the public types of {@code dev.pdpkit.client.model}: immutable models with builders, open enums, sealed
 * unions, and one params class per operation.
 */
final class ModelEmitter {
    static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize");
    static final Set<String> MODEL_RESERVED = union(OBJECT_METHODS, Set.of("builder", "toBuilder", "validate",
            "_json",
            "additionalProperties", "build", "putAdditionalProperty", "putAllAdditionalProperties",
            "removeAdditionalProperty"));

    private final SpecModel spec;
    /** For each variant model, the unions it belongs to. */
    private final Map<String, List<UnionSchema>> unionsOf = new TreeMap<>();

    ModelEmitter(SpecModel spec) {
        this.spec = spec;
        for (UnionSchema u : spec.unions().values()) {
            for (String variant : u.variants().values()) {
                unionsOf.computeIfAbsent(variant, k -> new ArrayList<>()).add(u);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Object models

    TypeSpec object(ObjectSchema schema) {
        ClassName self = JavaTypes.model(schema.name());
        ClassName builder = self.nestedClass("Builder");
        checkReserved(schema.fields(), MODEL_RESERVED, "components.schemas." + schema.name());
        List<UnionSchema> unions = unionsOf.getOrDefault(schema.name(), List.of());

        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        String doc = Docs.of(schema.description());
        type.addJavadoc("$L\n", doc.isEmpty() ? "The {@code " + schema.name() + "} object." : doc);
        for (UnionSchema u : unions) {
            String value = discriminatorValue(u, schema.name());
            type.addSuperinterface(JavaTypes.model(u.name()));
            type.addJavadoc("\n<p>The variant of {@link $T} with {@code $L} = {@code $L}.\n", JavaTypes.model(u.name()),
                    u.discriminator(), Docs.escape(value));
        }
        type.addJavadoc("\n<p>Immutable. Members the SDK does not know are kept in {@link #additionalProperties()} "
                + "and written back on encoding.\n");

        for (Field f : schema.fields()) {
            type.addField(FieldMembers.store(f));
        }
        type.addField(FieldSpec.builder(JavaTypes.STRING_OBJECT_MAP, "additionalProperties", Modifier.PRIVATE,
                Modifier.FINAL).build());
        type.addField(FieldSpec.builder(JavaTypes.JSON_VALUE, "json", Modifier.PRIVATE, Modifier.FINAL).build());

        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "builder");
        for (Field f : schema.fields()) {
            ctor.addStatement("this.$N = builder.$N", f.javaName(), f.javaName());
        }
        ctor.addStatement("this.additionalProperties = builder.additionalProperties.isEmpty()$W? $T.of()$W: $T"
                + ".unmodifiableMap(new $T<>(builder.additionalProperties))", JavaTypes.MAP, JavaTypes.COLLECTIONS,
                JavaTypes.LINKED_HASH_MAP);
        ctor.addStatement("this.json = builder.json");
        type.addMethod(ctor.build());

        type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder).addStatement("return new $T()", builder)
                .addJavadoc("Returns a new builder of {@link $T}.\n\n@return a builder with nothing set\n", self)
                .build());

        for (Field f : schema.fields()) {
            boolean overrides = unions.stream().anyMatch(u -> u.discriminator().equals(f.jsonName())
                    && unionDeclaresDiscriminator(u));
            type.addMethods(FieldMembers.accessors(f, overrides));
        }
        type.addMethod(MethodSpec.methodBuilder("additionalProperties").addModifiers(Modifier.PUBLIC)
                .returns(JavaTypes.STRING_OBJECT_MAP).addStatement("return additionalProperties")
                .addJavadoc("Returns the members of the JSON object that this version of the SDK does not know, as "
                        + "plain Java values (String, Boolean, Long, BigDecimal, List, Map or null).\n\n"
                        + "@return the unknown members in document order, unmodifiable\n")
                .build());

        type.addMethod(MethodSpec.methodBuilder("_json").addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(JavaTypes.OPTIONAL, JavaTypes.JSON_VALUE))
                .addStatement("return $T.ofNullable(json)", JavaTypes.OPTIONAL)
                .addJavadoc("Returns the JSON object this model was read from, exactly as the server sent it (it may "
                        + "hold secrets).\n\n@return the JSON, or empty for a model built by hand\n")
                .build());
        type.addMethod(validateMethod(schema, self));

        MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
                .returns(builder).addJavadoc("Returns a builder initialised with every field of this object.\n\n"
                        + "@return a new builder\n")
                .addStatement("$T b = new $T()", builder, builder);
        for (Field f : schema.fields()) {
            toBuilder.addStatement("b.$N = $N", f.javaName(), f.javaName());
        }
        toBuilder.addStatement("b.additionalProperties.putAll(additionalProperties)").addStatement("return b");
        type.addMethod(toBuilder.build());

        List<String> members = new ArrayList<>();
        schema.fields().forEach(f -> members.add(f.javaName()));
        members.add("additionalProperties");
        type.addMethod(equalsMethod(self, members));
        type.addMethod(hashCodeMethod(members));
        CodeBlock.Builder str = CodeBlock.builder().add("return $T.of($S)", JavaTypes.TO_STRING, schema.name());
        schema.fields().forEach(f -> str.add(FieldMembers.toStringPart(f)));
        str.add("\n.addNames($S, additionalProperties)", "additionalProperties").add("\n.toString()");
        type.addMethod(toStringMethod(str.build(), "Secret fields print as {@code ***}; unknown members print their "
                + "names only."));

        type.addType(objectBuilder(schema, self, builder));
        return type.build();
    }

    private TypeSpec objectBuilder(ObjectSchema schema, ClassName self, ClassName builder) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("Builds {@link $T}. Not thread-safe.\n", self);
        for (Field f : schema.fields()) {
            b.addField(FieldMembers.builderStore(f));
        }
        b.addField(FieldSpec.builder(JavaTypes.STRING_OBJECT_MAP, "additionalProperties", Modifier.PRIVATE,
                Modifier.FINAL).initializer("new $T<>()", JavaTypes.LINKED_HASH_MAP).build());
        b.addField(FieldSpec.builder(JavaTypes.JSON_VALUE, "json", Modifier.PRIVATE).build());
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (Field f : schema.fields()) {
            b.addMethods(FieldMembers.setters(f, builder));
        }
        b.addMethod(MethodSpec.methodBuilder("_json").addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(JavaTypes.JSON_VALUE, "json")
                .addJavadoc("Records the JSON object the model is read from, returned by {@code _json()}. Decoders "
                        + "set it; {@code toBuilder()} does not copy it, since an edited model no longer matches "
                        + "it.\n\n@param json the JSON, or null\n@return this builder\n")
                .addStatement("this.json = json").addStatement("return this").build());
        addAdditionalSetters(b, builder, "AdditionalProperty", "AdditionalProperties", "additionalProperties");
        b.addMethod(buildMethod(self, schema.name(), requiredChecks(schema.fields(), List.of())));
        return b.build();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Enums

    TypeSpec enumType(EnumSchema schema) {
        ClassName self = JavaTypes.model(schema.name());
        ClassName known = self.nestedClass("Known");
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        String doc = Docs.of(schema.description());
        type.addJavadoc("$L\n\n", doc.isEmpty() ? "The {@code " + schema.name() + "} values." : doc)
                .addJavadoc("<p>An open enum: besides the constants below it holds any value the server may add later, "
                        + "so decoding never fails on a new value. Compare with {@code equals} or switch on "
                        + "{@link #known()}; {@link #asString()} is the value as sent.\n");

        TypeSpec.Builder knownEnum = TypeSpec.enumBuilder(known).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The values this version of the SDK knows.\n");
        for (String value : schema.values()) {
            String constant = Naming.constant(value);
            type.addField(FieldSpec.builder(self, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T($S,$W$T.$L)", self, value, known, constant)
                    .addJavadoc("{@code $L}\n", Docs.escape(value)).build());
            knownEnum.addEnumConstant(constant, TypeSpec.anonymousClassBuilder("")
                    .addJavadoc("{@code $L}\n", Docs.escape(value)).build());
        }
        type.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(known, "known", Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, "value").addParameter(known, "known")
                .addStatement("this.value = value").addStatement("this.known = known").build());

        CodeBlock.Builder of = CodeBlock.builder()
                .addStatement("$T.requireNonNull(value, $S)", JavaTypes.OBJECTS, "value")
                .beginControlFlow("switch (value)");
        for (String value : schema.values()) {
            of.addStatement("case $S: return $L", value, Naming.constant(value));
        }
        of.addStatement("default: return new $T(value, null)", self).endControlFlow();
        type.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self).addParameter(String.class, "value").addCode(of.build())
                .addJavadoc("Returns the instance for a value: the constant when the value is known, otherwise a new "
                        + "instance that keeps it.\n\n@param value the value as sent, not null\n"
                        + "@return the instance\n").build());
        type.addMethod(MethodSpec.methodBuilder("asString").addModifiers(Modifier.PUBLIC).returns(String.class)
                .addStatement("return value").addJavadoc("@return the value as sent or received\n").build());
        type.addMethod(MethodSpec.methodBuilder("known").addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(JavaTypes.OPTIONAL, known))
                .addStatement("return $T.ofNullable(known)", JavaTypes.OPTIONAL)
                .addJavadoc("@return the known value, or empty for a value this version of the SDK does not know\n")
                .build());
        type.addMethod(MethodSpec.methodBuilder("isKnown").addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addStatement("return known != null")
                .addJavadoc("@return true when the value is one of the constants of this class\n").build());
        type.addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(boolean.class).addParameter(Object.class, "o")
                .addStatement("return o instanceof $T && value.equals((($T) o).value)", self, self).build());
        type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(int.class).addStatement("return value.hashCode()").build());
        type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return value")
                .addJavadoc("@return the value as sent, like {@link #asString()}\n").build());
        type.addType(knownEnum.build());
        return type.build();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Unions

    TypeSpec union(UnionSchema schema) {
        ClassName self = JavaTypes.model(schema.name());
        ClassName unknown = self.nestedClass("Unknown");
        String disc = Naming.member(schema.discriminator());
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
        String doc = Docs.of(schema.description());
        type.addJavadoc("$L\n\n", doc.isEmpty() ? "One of several shapes." : doc);
        type.addJavadoc("<p>The variants, by {@code $L}:\n<ul>\n", schema.discriminator());
        for (Map.Entry<String, String> v : schema.variants().entrySet()) {
            type.addPermittedSubclass(JavaTypes.model(v.getValue()));
            type.addJavadoc("  <li>{@code $L}: {@link $T}</li>\n", Docs.escape(v.getKey()),
                    JavaTypes.model(v.getValue()));
        }
        type.addJavadoc("  <li>any other value: {@link $T}, so a shape the server adds later does not fail "
                + "decoding</li>\n</ul>\n", unknown);
        type.addPermittedSubclass(unknown);
        if (unionDeclaresDiscriminator(schema)) {
            type.addMethod(MethodSpec.methodBuilder(disc).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(String.class)
                    .addJavadoc("@return the discriminator {@code $L}\n", schema.discriminator()).build());
        }

        type.addMethod(MethodSpec.methodBuilder("validate").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(self).addJavadoc("Checks the variant's members eagerly (an unknown variant has nothing to "
                        + "check).\n\n@return this value\n@throws $T for the first member that breaks the rules\n",
                        ClassName.get(JavaTypes.ROOT + ".errors", "PrismaInvalidDataException")).build());

        TypeSpec.Builder u = TypeSpec.classBuilder(unknown).addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addSuperinterface(self)
                .addJavadoc("A {@link $T} whose {@code $L} this version of the SDK does not know. Keeps the "
                        + "discriminator and every other member, and writes them back unchanged.\n", self,
                        schema.discriminator());
        u.addField(String.class, disc, Modifier.PRIVATE, Modifier.FINAL);
        u.addField(JavaTypes.STRING_OBJECT_MAP, "properties", Modifier.PRIVATE, Modifier.FINAL);
        u.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, disc).addParameter(JavaTypes.STRING_OBJECT_MAP, "properties")
                .addStatement("this.$N = $N", disc, disc).addStatement("this.properties = properties").build());
        TypeName anyMap = ParameterizedTypeName.get(JavaTypes.MAP, JavaTypes.STRING,
                WildcardTypeName.subtypeOf(Object.class));
        u.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(unknown)
                .addParameter(String.class, disc).addParameter(anyMap, "properties")
                .addJavadoc("Creates an unknown variant, for example to send a shape this SDK does not model yet. ")
                .addJavadoc("A {@code $L} member in {@code properties} is ignored.\n\n", schema.discriminator())
                .addJavadoc(""
                        + "@param $L the discriminator value, not null\n"
                        + "@param properties the other members as plain values (String, Boolean, Number, "
                        + "Collection, Map or null)\n@return the variant\n", disc)
                .addStatement("$T.requireNonNull($N, $S)", JavaTypes.OBJECTS, disc, disc)
                .addStatement("$T copy = new $T<>($T.plainMap(properties))", JavaTypes.STRING_OBJECT_MAP,
                        JavaTypes.LINKED_HASH_MAP, JavaTypes.JSON_SUPPORT)
                .addStatement("copy.remove($S)", schema.discriminator())
                .addStatement("return new $T($N, $T.unmodifiableMap(copy))", unknown, disc, JavaTypes.COLLECTIONS)
                .build());
        MethodSpec.Builder discAccessor = MethodSpec.methodBuilder(disc).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $N", disc)
                .addJavadoc("@return the discriminator {@code $L} as received\n", schema.discriminator());
        if (unionDeclaresDiscriminator(schema)) {
            discAccessor.addAnnotation(Override.class);
        }
        u.addMethod(discAccessor.build());
        u.addMethod(MethodSpec.methodBuilder("validate").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(unknown).addStatement("return this")
                .addJavadoc("Nothing to check: this SDK does not know the shape.\n\n@return this value\n").build());
        u.addMethod(MethodSpec.methodBuilder("properties").addModifiers(Modifier.PUBLIC)
                .returns(JavaTypes.STRING_OBJECT_MAP).addStatement("return properties")
                .addJavadoc("@return every member except the discriminator, as plain values, unmodifiable\n").build());
        u.addMethod(equalsMethod(unknown, List.of(disc, "properties")));
        u.addMethod(hashCodeMethod(List.of(disc, "properties")));
        u.addMethod(toStringMethod(CodeBlock.of("return $T.of($S)\n.addValue($S, $N)\n.addNames($S, properties)"
                + "\n.toString()", JavaTypes.TO_STRING, schema.name() + ".Unknown", disc, disc, "properties"),
                "Members print their names only."));
        type.addType(u.build());
        return type.build();
    }

    /** The union interface declares the discriminator accessor when every variant has it as a required constant. */
    boolean unionDeclaresDiscriminator(UnionSchema u) {
        for (String variant : u.variants().values()) {
            Field f = spec.objects().get(variant).fields().stream()
                    .filter(x -> x.jsonName().equals(u.discriminator())).findFirst().orElse(null);
            if (f == null || !f.required() || f.nullable() || f.constValue() == null) {
                return false;
            }
        }
        return true;
    }

    private static String discriminatorValue(UnionSchema u, String variant) {
        return u.variants().entrySet().stream().filter(e -> e.getValue().equals(variant)).findFirst()
                .orElseThrow().getKey();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Shared pieces

    static void addAdditionalSetters(TypeSpec.Builder b, ClassName builder, String singular, String plural,
                                             String field) {
        TypeName anyMap = ParameterizedTypeName.get(JavaTypes.MAP, JavaTypes.STRING,
                WildcardTypeName.subtypeOf(Object.class));
        b.addMethod(MethodSpec.methodBuilder("put" + singular).addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(String.class, "key").addParameter(Object.class, "value")
                .addJavadoc("Sets a JSON member the SDK does not model; it replaces a modelled field of the same "
                        + "name when encoding.\n\n@param key the member name\n"
                        + "@param value a plain value: String, Boolean, Number, Collection, Map (nested freely) or "
                        + "null\n@return this builder\n"
                        + "@throws IllegalArgumentException if the value is not a plain JSON value\n")
                .addStatement("$N.put($T.requireNonNull(key, $S), $T.plain(value))", field, JavaTypes.OBJECTS, "key",
                        JavaTypes.JSON_SUPPORT)
                .addStatement("return this").build());
        b.addMethod(MethodSpec.methodBuilder("putAll" + plural).addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(anyMap, "values")
                .addJavadoc("Sets several members the SDK does not model.\n\n@param values plain values by name\n"
                        + "@return this builder\n")
                .addStatement("values.forEach(this::put$L)", singular)
                .addStatement("return this").build());
        b.addMethod(MethodSpec.methodBuilder("remove" + singular).addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(String.class, "key")
                .addJavadoc("Removes a member set with {@link #put$L}.\n\n@param key the member name\n"
                        + "@return this builder\n", singular)
                .addStatement("$N.remove(key)", field)
                .addStatement("return this").build());
    }

    private MethodSpec validateMethod(ObjectSchema schema, ClassName self) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("validate").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Checks eagerly what the accessors check lazily: every required member holds a value of "
                        + "its documented type, no member is invalid, and the same for every nested model.\n\n"
                        + "@return this model\n"
                        + "@throws $T for the first member that breaks the rule\n",
                        ClassName.get(JavaTypes.ROOT + ".errors", "PrismaInvalidDataException"));
        for (Field f : schema.fields()) {
            m.addStatement("$T.check($N, $S, $L, $L)", JavaTypes.JSON_SUPPORT, f.javaName(), f.jsonName(),
                    f.required(), f.nullable());
            CodeBlock nested = nestedValidation(f.type(), 0);
            if (nested != null) {
                m.addStatement("$N.asOptional().ifPresent($L)", f.javaName(), nested);
            }
        }
        return m.addStatement("return this").build();
    }

    /** @return a lambda validating a value of this type, or null when the type has nothing to validate */
    private static CodeBlock nestedValidation(SpecModel.TypeRef type, int depth) {
        if (type instanceof SpecModel.Named && ((SpecModel.Named) type).kind() != SpecModel.NamedKind.ENUM) {
            return CodeBlock.of("v$L -> v$L.validate()", depth, depth);
        }
        if (type instanceof SpecModel.ListOf) {
            CodeBlock item = nestedValidation(((SpecModel.ListOf) type).item(), depth + 1);
            return item == null ? null : CodeBlock.of("l$L -> l$L.forEach($L)", depth, depth, item);
        }
        return null;
    }

    static List<CodeBlock> requiredChecks(List<Field> fields, List<CodeBlock> more) {
        List<CodeBlock> checks = new ArrayList<>(more);
        for (Field f : fields) {
            if (f.required()) {
                // A member the server left out is kept as missing (with its path) rather than failing the decode.
                checks.add(CodeBlock.of("if ($N.isMissing() && !$N.jsonPath().isPresent()) {\n$>missing.add($S);\n$<}\n",
                        f.javaName(), f.javaName(), f.javaName()));
            }
        }
        return checks;
    }

    static MethodSpec buildMethod(ClassName self, String typeName, List<CodeBlock> checks) {
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Builds the immutable object.\n\n@return the object\n");
        if (!checks.isEmpty()) {
            build.addJavadoc("@throws IllegalStateException if a required field is not set\n");
            build.addStatement("$T missing = new $T<>()", JavaTypes.STRING_LIST, JavaTypes.ARRAY_LIST);
            checks.forEach(build::addCode);
            build.beginControlFlow("if (!missing.isEmpty())")
                    .addStatement("throw new $T($S$W+ missing)", IllegalStateException.class,
                            typeName + " is missing required fields: ")
                    .endControlFlow();
        }
        return build.addStatement("return new $T(this)", self).build();
    }

    static MethodSpec equalsMethod(ClassName self, List<String> members) {
        CodeBlock.Builder cmp = CodeBlock.builder();
        for (int i = 0; i < members.size(); i++) {
            cmp.add(i == 0 ? "return " : "\n&& ").add("$T.equals($N, other.$N)", JavaTypes.OBJECTS, members.get(i),
                    members.get(i));
        }
        if (members.isEmpty()) {
            cmp.add("return true");
        }
        return MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(boolean.class).addParameter(Object.class, "o")
                .beginControlFlow("if (this == o)").addStatement("return true").endControlFlow()
                .beginControlFlow("if (!(o instanceof $T))", self).addStatement("return false").endControlFlow()
                .addStatement("$T other = ($T) o", self, self)
                .addStatement("$L", cmp.build())
                .build();
    }

    static MethodSpec hashCodeMethod(List<String> members) {
        return MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(int.class).addStatement("return $T.hash($L)", JavaTypes.OBJECTS, members.stream()
                        .map(m -> CodeBlock.of("$N", m)).collect(CodeBlock.joining(",$W")))
                .build();
    }

    static MethodSpec toStringMethod(CodeBlock body, String note) {
        return MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addJavadoc("$L\n", note).addStatement("$L", body).build();
    }

    static void checkReserved(List<Field> fields, Set<String> reserved, String where) {
        for (Field f : fields) {
            if (reserved.contains(f.javaName())) {
                throw new SpecException(where, "property " + f.jsonName() + " maps to the reserved Java name "
                        + f.javaName());
            }
        }
    }

    static void deprecate(MethodSpec.Builder m, boolean deprecated) {
        if (deprecated) {
            m.addAnnotation(AnnotationSpec.builder(Deprecated.class).build())
                    .addJavadoc("@deprecated deprecated in the API\n");
        }
    }

    static String docSuffix(String description) {
        String doc = Docs.of(description);
        return doc.isEmpty() ? "" : " " + doc;
    }

    static boolean isString(SpecModel.TypeRef type) {
        return type instanceof Scalar && ((Scalar) type).kind() == ScalarKind.STRING;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
