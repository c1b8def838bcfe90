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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
            add(files, JavaTypes.MODEL, models.params(op));
            if (op.hasBody()) {
                add(files, JavaTypes.CODEC, codecs.body(op));
            }
        }
        services.services().forEach(s -> add(files, JavaTypes.SERVICES, s));
        return files;
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
     * Writes the files below {@code outputDir}, after deleting whatever an earlier run left in the generated packages
     * (a renamed schema must not leave a stale class behind).
     *
     * @param files the sources
     * @param outputDir the source root
     * @return the paths written
     */
    static List<Path> write(Map<String, JavaFile> files, Path outputDir) {
        try {
            for (String pkg : PACKAGES) {
                Path dir = outputDir.resolve(pkg.replace('.', '/'));
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> old = Files.walk(dir)) {
                        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            }
            List<Path> written = new ArrayList<>();
            for (JavaFile file : files.values()) {
                Path dir = outputDir.resolve(file.packageName().replace('.', '/'));
                Files.createDirectories(dir);
                Path target = dir.resolve(file.typeSpec().name() + ".java");
                Files.writeString(target, render(file), StandardCharsets.UTF_8);
                written.add(target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
