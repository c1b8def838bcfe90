package dev.pdpkit.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.pdpkit.codegen.SpecModel.Field;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The members generated for one {@link Field}, shared by models and by the body fields of params: a
 * {@code JsonField} store, typed and raw accessors, typed and raw builder setters, and its part of {@code toString()}.
 */
final class FieldMembers {
    private static final AnnotationSpec DEPRECATED = AnnotationSpec.builder(Deprecated.class).build();

    private FieldMembers() {
    }

    /** @return true when the typed accessor returns the value itself rather than an {@code Optional} */
    static boolean direct(Field f) {
        return f.required() && !f.nullable();
    }

    static TypeName valueType(Field f) {
        return JavaTypes.of(f.type());
    }

    static TypeName storeType(Field f) {
        return JavaTypes.jsonField(valueType(f));
    }

    /** @return the private final field of the immutable class */
    static FieldSpec store(Field f) {
        return FieldSpec.builder(storeType(f), f.javaName(), Modifier.PRIVATE, Modifier.FINAL).build();
    }

    /** @return the builder's mutable field, initialised to missing (or to the constant) */
    static FieldSpec builderStore(Field f) {
        return FieldSpec.builder(storeType(f), f.javaName(), Modifier.PRIVATE).initializer(initial(f)).build();
    }

    static CodeBlock initial(Field f) {
        return f.constValue() != null
                ? CodeBlock.of("$T.of($S)", JavaTypes.JSON_FIELD, f.constValue())
                : CodeBlock.of("$T.missing()", JavaTypes.JSON_FIELD);
    }

    /**
     * @param f the field
     * @param overrides whether the typed accessor implements an interface method (a union's discriminator)
     * @return the typed and the raw accessor
     */
    static List<MethodSpec> accessors(Field f, boolean overrides) {
        List<MethodSpec> methods = new ArrayList<>();
        String doc = Docs.of(f.description());
        MethodSpec.Builder typed = MethodSpec.methodBuilder(f.javaName()).addModifiers(Modifier.PUBLIC);
        if (!doc.isEmpty()) {
            typed.addJavadoc("$L\n\n", doc);
        }
        if (f.constValue() != null) {
            typed.addJavadoc("<p>Always {@code $L} in this version of the API.\n\n", Docs.escape(f.constValue()));
        }
        if (direct(f)) {
            typed.returns(valueType(f)).addStatement("return $N.get()", f.javaName());
            typed.addJavadoc("@return the value of {@code $L}\n", f.jsonName());
        } else {
            typed.returns(ParameterizedTypeName.get(JavaTypes.OPTIONAL, valueType(f)))
                    .addStatement("return $N.asOptional()", f.javaName());
            typed.addJavadoc("@return the value of {@code $L}, or empty when it is absent or null\n", f.jsonName());
        }
        if (overrides) {
            typed.addAnnotation(Override.class);
        }
        deprecate(typed, f);
        methods.add(typed.build());

        MethodSpec.Builder raw = MethodSpec.methodBuilder("_" + f.javaName()).addModifiers(Modifier.PUBLIC)
                .returns(storeType(f)).addStatement("return $N", f.javaName())
                .addJavadoc("Returns {@code $L} as sent or received: missing, explicit null, or a value.\n\n",
                        f.jsonName())
                .addJavadoc("@return the raw field\n");
        deprecate(raw, f);
        methods.add(raw.build());
        return methods;
    }

    /**
     * @param f the field
     * @param builder the builder class
     * @return the builder setters: typed (not for constants), {@code long} (for numbers) and raw
     */
    static List<MethodSpec> setters(Field f, ClassName builder) {
        List<MethodSpec> methods = new ArrayList<>();
        String name = f.javaName();
        String doc = Docs.of(f.description());
        String serverDefault = f.defaultValue() == null ? ""
                : "\n\n<p>The server uses {@code " + Docs.escape(f.defaultValue()) + "} when it is left out.";
        if (f.constValue() == null) {
            MethodSpec.Builder typed = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addParameter(valueType(f), name);
            typed.addJavadoc("Sets {@code $L}.$L$L\n\n", f.jsonName(), doc.isEmpty() ? "" : " " + doc, serverDefault);
            CodeBlock value = JavaTypes.isList(f.type()) ? CodeBlock.of("$T.copyOf($N)", JavaTypes.LIST, name)
                    : CodeBlock.of("$N", name);
            if (f.nullable()) {
                typed.addJavadoc("@param $L the value, or null to send an explicit JSON null\n", name)
                        .addStatement("this.$N = $N == null$W? $T.ofNull()$W: $T.of($L)", name, name,
                                JavaTypes.JSON_FIELD, JavaTypes.JSON_FIELD, value);
            } else {
                typed.addJavadoc("@param $L the value, not null\n", name)
                        .addStatement("$T.requireNonNull($N, $S)", JavaTypes.OBJECTS, name, name)
                        .addStatement("this.$N = $T.of($L)", name, JavaTypes.JSON_FIELD, value);
            }
            typed.addJavadoc("@return this builder\n");
            if (!f.nullable()) {
                typed.addJavadoc("@throws NullPointerException if {@code $L} is null\n", name);
            }
            deprecate(typed, f);
            methods.add(typed.addStatement("return this").build());

            if (JavaTypes.isDecimal(f.type())) {
                MethodSpec.Builder whole = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC)
                        .returns(builder).addParameter(long.class, name)
                        .addJavadoc("Sets {@code $L} to a whole number.\n\n", f.jsonName())
                        .addJavadoc("@param $L the value\n@return this builder\n", name)
                        .addStatement("return $N($T.valueOf($N))", name, JavaTypes.BIG_DECIMAL, name);
                deprecate(whole, f);
                methods.add(whole.build());
            }
        }
        MethodSpec.Builder raw = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(storeType(f), name)
                .addJavadoc("Sets {@code $L} to a raw state: {@link $T#missing()} leaves it out of the JSON, "
                        + "{@link $T#ofNull()} writes null.\n\n", f.jsonName(), JavaTypes.JSON_FIELD,
                        JavaTypes.JSON_FIELD)
                .addJavadoc("@param $L the field, not null\n@return this builder\n", name)
                .addStatement("this.$N = $T.requireNonNull($N, $S)", name, JavaTypes.OBJECTS, name, name)
                .addStatement("return this");
        deprecate(raw, f);
        methods.add(raw.build());
        return methods;
    }

    /** @return the chained {@code ToStringHelper} call for this field */
    static CodeBlock toStringPart(Field f) {
        return CodeBlock.of("\n.$L($S, $N)", f.secret() ? "addSecret" : "add", f.javaName(), f.javaName());
    }

    private static void deprecate(MethodSpec.Builder method, Field f) {
        if (f.deprecated()) {
            method.addAnnotation(DEPRECATED);
            method.addJavadoc("@deprecated $L\n", f.description() == null ? "deprecated in the API"
                    : Docs.of(f.description()));
        }
    }
}
