package dev.pdpkit.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.pdpkit.codegen.SpecModel.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs the emitters over a {@link SpecModel} and writes the sources. Output is deterministic: the same spec always
 * gives byte-identical files, sorted by name.
 */
final class Generator {
    /** The packages the generator owns in the output directory; they are emptied before writing. */
    static final List<String> PACKAGES = List.of(JavaTypes.MODEL, JavaTypes.CODEC, JavaTypes.SERVICES);

    private final SpecModel spec;

    Generator(SpecModel spec) {
        this.spec = spec;
    }

    /**
     * Generates every source file.
     *
     * @return fully-qualified class name to source file, sorted
     * @throws SpecException if two generated types would have the same name
     */
    Map<String, JavaFile> generate() {
        ModelEmitter models = new ModelEmitter(spec);
        ParamsEmitter params = new ParamsEmitter();
        CodecEmitter codecs = new CodecEmitter();
        ServiceEmitter services = new ServiceEmitter(spec);
        Map<String, JavaFile> files = new TreeMap<>();

        spec.objects().values().forEach(o -> {
            add(files, JavaTypes.MODEL, models.object(o));
            add(files, JavaTypes.CODEC, codecs.object(o));
        });
        spec.enums().values().forEach(e -> {
            add(files, JavaTypes.MODEL, models.enumType(e));
            add(files, JavaTypes.CODEC, codecs.enumType(e));
        });
        spec.unions().values().forEach(u -> {
            add(files, JavaTypes.MODEL, models.union(u));
            add(files, JavaTypes.CODEC, codecs.union(u));
        });
        for (Operation op : spec.operations()) {
            add(files, JavaTypes.MODEL, params.params(op));
            if (op.hasBody()) {
                add(files, JavaTypes.CODEC, codecs.body(op));
            }
        }
        services.services().forEach(s -> add(files, JavaTypes.SERVICES, s));
        add(files, JavaTypes.CODEC, secretMembers());
        add(files, JavaTypes.SERVICES, services.bootstrap());
        if (services.hasGetOrCreate()) {
            add(files, JavaTypes.SERVICES, GetOrCreateEmitter.resultType());
        }
        return files;
    }

    /** The names of every {@code x-secret} member, for the log redactor: one list, kept by the spec. */
    private TypeSpec secretMembers() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        spec.objects().values().forEach(o -> o.fields().stream().filter(SpecModel.Field::secret)
                .forEach(f -> names.add(f.jsonName())));
        spec.operations().forEach(op -> op.bodyFields().stream().filter(SpecModel.Field::secret)
                .forEach(f -> names.add(f.jsonName())));
        com.palantir.javapoet.CodeBlock list = com.palantir.javapoet.CodeBlock.join(names.stream()
                .map(n -> com.palantir.javapoet.CodeBlock.of("$S", n)).toList(), ",$W");
        return TypeSpec.classBuilder("SecretMembers").addModifiers(javax.lang.model.element.Modifier.PUBLIC,
                        javax.lang.model.element.Modifier.FINAL)
                .addJavadoc("The JSON members the spec marks {@code x-secret}. Internal: not part of the public API.\n")
                .addField(com.palantir.javapoet.FieldSpec.builder(com.palantir.javapoet.ParameterizedTypeName.get(
                                JavaTypes.SET, JavaTypes.STRING), "NAMES",
                        javax.lang.model.element.Modifier.PUBLIC, javax.lang.model.element.Modifier.STATIC,
                        javax.lang.model.element.Modifier.FINAL)
                        .addJavadoc("Member names as in the spec.\n")
                        .initializer("$T.of($L)", JavaTypes.SET, list).build())
                .addMethod(com.palantir.javapoet.MethodSpec.constructorBuilder()
                        .addModifiers(javax.lang.model.element.Modifier.PRIVATE).build())
                .build();
    }

    private void add(Map<String, JavaFile> files, String pkg, TypeSpec type) {
        String name = pkg + "." + type.name();
        JavaFile file = JavaFile.builder(pkg, type)
                .addFileComment("Generated from $L by pdpkit-codegen. Do not edit.", spec.sourceName())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        if (files.put(name, file) != null) {
            throw new SpecException(name, "two generated types have this name; rename a schema or an x-sdk-method");
        }
    }

    /**
     * @param file a generated file
     * @return its source text, comments wrapped at 120 columns
     */
    static String render(JavaFile file) {
        return Docs.wrapComments(file.toString(), 120);
    }

    /**
     * Makes the generated packages below {@code outputDir} hold exactly {@code files}: a file whose content did not
     * change is left alone (so its timestamp does not force a recompile), and whatever an earlier run left that is no
     * longer generated (a renamed schema) is deleted.
     *
     * @param files the sources
     * @param outputDir the source root
     * @return the paths of all generated files, written or unchanged
     */
    static List<Path> write(Map<String, JavaFile> files, Path outputDir) {
        try {
            Set<Path> stale = new HashSet<>();
            for (String pkg : PACKAGES) {
                Path dir = outputDir.resolve(pkg.replace('.', '/'));
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> old = Files.walk(dir)) {
                        old.filter(Files::isRegularFile).forEach(stale::add);
                    }
                }
            }
            List<Path> generated = new ArrayList<>();
            for (JavaFile file : files.values()) {
                Path dir = outputDir.resolve(file.packageName().replace('.', '/'));
                Path target = dir.resolve(file.typeSpec().name() + ".java");
                String text = render(file);
                stale.remove(target);
                generated.add(target);
                if (Files.isRegularFile(target) && Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
                    continue;
                }
                Files.createDirectories(dir);
                Files.writeString(target, text, StandardCharsets.UTF_8);
            }
            for (Path p : stale) {
                Files.delete(p);
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
