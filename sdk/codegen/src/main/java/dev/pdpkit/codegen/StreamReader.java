package dev.pdpkit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import dev.pdpkit.codegen.SpecModel.Field;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits a codec's streaming {@code read(JsonParser, byte[])}: the happy-path reader that fills the model's builder
 * straight from parser tokens. It gives up (returns null) on the first thing the tree decoder would have to judge: an
 * unknown member, a repeated one, a missing required one, a null where none is documented, a value its codec does not
 * take. Members are tracked in a {@code long} bit set, so objects with more than 64 properties (or none) get no
 * streaming reader.
 */
final class StreamReader {
    static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
    static final ClassName JSON_STREAMS = ClassName.get(JavaTypes.ROOT + ".internal.json", "JsonStreams");
    static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");

    private StreamReader() {
    }

    /**
     * @param model the model class
     * @return the overriding signature of {@code read}
     */
    static MethodSpec.Builder signature(ClassName model) {
        return MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(model).addParameter(JSON_PARSER, "parser").addParameter(byte[].class, "body")
                .addException(IO_EXCEPTION);
    }

    /**
     * @param model the model class
     * @param fields the object's properties, at most 64
     * @return the streaming reader of the object
     */
    static MethodSpec method(ClassName model, List<Field> fields) {
        long required = 0;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).required()) {
                required |= 1L << i;
            }
        }
        MethodSpec.Builder m = signature(model)
                .beginControlFlow("if (parser.currentToken() != $T.START_OBJECT)", JSON_TOKEN)
                .addStatement("return null")
                .endControlFlow()
                .addStatement("int start = $T.start(parser)", JSON_STREAMS)
                .addStatement("$T.Builder builder = $T.builder()", model, model)
                .addStatement("long seen = 0L")
                .beginControlFlow("for ($T name = parser.nextFieldName(); name != null; name = parser.nextFieldName())",
                        String.class)
                .addStatement("parser.nextToken()")
                .addStatement("long bit")
                .beginControlFlow("switch (name)");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            m.beginControlFlow("case $S:", f.jsonName())
                    .addStatement("$T v = $T.field(parser, body,$W$L,$W$L)", JavaTypes.jsonField(JavaTypes.of(f.type())),
                            JSON_STREAMS, JavaTypes.codec(f.type()), !f.required() || f.nullable())
                    .beginControlFlow("if (v == null)")
                    .addStatement("return null")
                    .endControlFlow()
                    .addStatement("builder.$N(v)", f.javaName())
                    .addStatement("bit = $LL", "0x" + Long.toHexString(1L << i))
                    .addStatement("break")
                    .endControlFlow();
        }
        return m.addCode("default:\n$>return null;\n$<")
                .endControlFlow()
                .beginControlFlow("if ((seen & bit) != 0L)")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("seen |= bit")
                .endControlFlow()
                .beginControlFlow("if ((seen & $LL) != $LL || parser.currentToken() != $T.END_OBJECT)",
                        "0x" + Long.toHexString(required), "0x" + Long.toHexString(required), JSON_TOKEN)
                .addStatement("return null")
                .endControlFlow()
                .addStatement("builder._json($T.json(parser, body, start))", JSON_STREAMS)
                .addStatement("return builder.build()")
                .build();
    }
}
