package dev.pdpkit.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pdpkit.codegen.SpecModel.EnumSchema;
import dev.pdpkit.codegen.SpecModel.Field;
import dev.pdpkit.codegen.SpecModel.ObjectSchema;
import dev.pdpkit.codegen.SpecModel.Operation;
import dev.pdpkit.codegen.SpecModel.UnionSchema;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code dev.pdpkit.client.internal.codec}: one {@code JsonCodec} singleton per model, enum and union, and a
 * body encoder per operation with a request body. Codecs read through {@code JsonSupport}, so the decoding rules
 * (strict on types and required fields, lenient on unknown members and on nulls in optional fields) live in one
 * hand-written place.
 */
final class CodecEmitter {
    private static final String INTERNAL_NOTE = "Internal: not part of the public API.";

    TypeSpec object(ObjectSchema schema) {
        ClassName model = JavaTypes.model(schema.name());
        ClassName self = JavaTypes.codecClass(schema.name());
        TypeSpec.Builder type = codecClass(self, model, "{@link $T}", model);
        if (schema.fields().stream().anyMatch(Field::deprecated)) {
            type.addAnnotation(suppressDeprecation());
        }
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(JavaTypes.SET, JavaTypes.STRING), "KNOWN",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer("$T.of($L)", JavaTypes.SET,
                names(schema.fields())).build());

        MethodSpec.Builder decode = decodeSignature(model)
                .addStatement("$T object = $T.requireObject(node, path, $S)", JavaTypes.OBJECT_NODE,
                        JavaTypes.JSON_SUPPORT, schema.name())
                .addStatement("$T.Builder builder = $T.builder()", model, model);
        for (Field f : schema.fields()) {
            decode.addStatement("builder.$N($L)", f.javaName(), readField(f));
        }
        decode.addStatement("builder.putAllAdditionalProperties($T.readAdditional(object, KNOWN))",
                JavaTypes.JSON_SUPPORT)
                .addStatement("builder._json($T.from(object))", JavaTypes.JSON_VALUE)
                .addStatement("return builder.build()");
        type.addMethod(decode.build());
        if (!schema.fields().isEmpty() && schema.fields().size() <= Long.SIZE) {
            type.addMethod(StreamReader.method(model, schema.fields()));
        }

        MethodSpec.Builder encode = encodeSignature(model)
                .addStatement("$T out = $T.newObject()", JavaTypes.OBJECT_NODE, JavaTypes.JSON_SUPPORT);
        for (Field f : schema.fields()) {
            encode.addStatement("$T.write(out, $S, value._$L(),$W$L)", JavaTypes.JSON_SUPPORT, f.jsonName(),
                    f.javaName(), JavaTypes.codec(f.type()));
        }
        encode.addStatement("$T.writeAdditional(out, value.additionalProperties())", JavaTypes.JSON_SUPPORT)
                .addStatement("return out");
        type.addMethod(encode.build());
        return type.build();
    }

    TypeSpec enumType(EnumSchema schema) {
        ClassName model = JavaTypes.model(schema.name());
        ClassName self = JavaTypes.codecClass(schema.name());
        TypeSpec.Builder type = codecClass(self, model, "{@link $T}; any string decodes", model);
        type.addMethod(decodeSignature(model)
                .addStatement("return $T.of($T.STRING.decode(node, path))", model, JavaTypes.CODECS).build());
        type.addMethod(StreamReader.signature(model)
                .addStatement("$T text = $T.STRING.read(parser, body)", String.class, JavaTypes.CODECS)
                .addStatement("return text == null ? null : $T.of(text)", model).build());
        type.addMethod(encodeSignature(model)
                .addStatement("return $T.STRING.encode(value.asString())", JavaTypes.CODECS).build());
        return type.build();
    }

    TypeSpec union(UnionSchema schema) {
        ClassName model = JavaTypes.model(schema.name());
        ClassName unknown = model.nestedClass("Unknown");
        ClassName self = JavaTypes.codecClass(schema.name());
        TypeSpec.Builder type = codecClass(self, model, "{@link $T}, dispatching on {@code $L}", model,
                schema.discriminator());
        String disc = schema.discriminator();

        CodeBlock.Builder dispatch = CodeBlock.builder().beginControlFlow("switch (kind)");
        for (Map.Entry<String, String> v : schema.variants().entrySet()) {
            dispatch.addStatement("case $S:$Wreturn $T.INSTANCE.decode(object, path)", v.getKey(),
                    JavaTypes.codecClass(v.getValue()));
        }
        dispatch.addStatement("default:$Wreturn $T.of(kind,$W$T.readAdditional(object, $T.of($S)))", unknown,
                JavaTypes.JSON_SUPPORT, JavaTypes.SET, disc).endControlFlow();
        type.addMethod(decodeSignature(model)
                .addStatement("$T object = $T.requireObject(node, path, $S)", JavaTypes.OBJECT_NODE,
                        JavaTypes.JSON_SUPPORT, schema.name())
                .addStatement("$T kind = $T.discriminator(object, $S, path)", String.class, JavaTypes.JSON_SUPPORT,
                        disc)
                .addCode(dispatch.build()).build());
        type.addMethod(StreamReader.signature(model)
                .addStatement("return $T.viaTree(parser, this)", StreamReader.JSON_STREAMS).build());

        MethodSpec.Builder encode = encodeSignature(model);
        for (String variant : schema.variants().values()) {
            ClassName v = JavaTypes.model(variant);
            encode.beginControlFlow("if (value instanceof $T)", v)
                    .addStatement("return $T.INSTANCE.encode(($T) value)", JavaTypes.codecClass(variant), v)
                    .endControlFlow();
        }
        encode.addStatement("$T unknown = ($T) value", unknown, unknown)
                .addStatement("$T out = $T.newObject()", JavaTypes.OBJECT_NODE, JavaTypes.JSON_SUPPORT)
                .addStatement("out.put($S, unknown.$N())", disc, Naming.member(disc))
                .addStatement("$T.writeAdditional(out, unknown.properties())", JavaTypes.JSON_SUPPORT)
                .addStatement("return out");
        type.addMethod(encode.build());
        return type.build();
    }

    /** The request body of an operation: its set fields plus the additional body properties. */
    TypeSpec body(Operation op) {
        ClassName params = ClassName.get(JavaTypes.MODEL, op.typePrefix() + "Params");
        ClassName self = ClassName.get(JavaTypes.CODEC, op.typePrefix() + "ParamsCodec");
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Writes the JSON request body of {@link $T}. $L\n", params, INTERNAL_NOTE);
        if (op.bodyFields().stream().anyMatch(Field::deprecated)) {
            type.addAnnotation(suppressDeprecation());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        MethodSpec.Builder encode = MethodSpec.methodBuilder("encodeBody")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(JavaTypes.JSON_NODE)
                .addParameter(params, "params")
                .addJavadoc("@param params the params\n@return the body: only the fields that were set\n")
                .addStatement("$T out = $T.newObject()", JavaTypes.OBJECT_NODE, JavaTypes.JSON_SUPPORT);
        for (Field f : op.bodyFields()) {
            encode.addStatement("$T.write(out, $S, params._$L(),$W$L)", JavaTypes.JSON_SUPPORT, f.jsonName(),
                    f.javaName(), JavaTypes.codec(f.type()));
        }
        encode.addStatement("$T.writeAdditional(out, params.additionalBodyProperties())", JavaTypes.JSON_SUPPORT)
                .addStatement("return out");
        type.addMethod(encode.build());
        return type.build();
    }

    private static CodeBlock readField(Field f) {
        if (f.required()) {
            return CodeBlock.of("$T.readRequired(object, $S, path,$W$L,$W$L)", JavaTypes.JSON_SUPPORT, f.jsonName(),
                    JavaTypes.codec(f.type()), f.nullable());
        }
        return CodeBlock.of("$T.readOptional(object, $S, path,$W$L)", JavaTypes.JSON_SUPPORT, f.jsonName(),
                JavaTypes.codec(f.type()));
    }

    private static TypeSpec.Builder codecClass(ClassName self, ClassName model, String what, Object... args) {
        TypeName codec = ParameterizedTypeName.get(JavaTypes.JSON_CODEC, model);
        return TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL).addSuperinterface(codec)
                .addJavadoc(CodeBlock.builder().add("Reads and writes " + what + ". ", args).add(INTERNAL_NOTE)
                        .add("\n").build())
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", self).addJavadoc("The codec.\n").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }

    private static MethodSpec.Builder decodeSignature(ClassName model) {
        return MethodSpec.methodBuilder("decode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(model).addParameter(JavaTypes.JSON_NODE, "node").addParameter(String.class, "path");
    }

    private static MethodSpec.Builder encodeSignature(ClassName model) {
        return MethodSpec.methodBuilder("encode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(JavaTypes.JSON_NODE).addParameter(model, "value");
    }

    private static AnnotationSpec suppressDeprecation() {
        return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build();
    }

    private static CodeBlock names(List<Field> fields) {
        return fields.stream().map(f -> CodeBlock.of("$S", f.jsonName())).collect(CodeBlock.joining(",$W"));
    }
}
