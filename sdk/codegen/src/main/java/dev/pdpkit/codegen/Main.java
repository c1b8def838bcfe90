package dev.pdpkit.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * Command line: {@code Main <spec.yaml> <outputDir>}. Run by the client module in {@code generate-sources}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Generates the client's model, codecs and services.
     *
     * @param args the spec file and the output source root
     * @throws SpecException if the spec uses a construct the generator does not understand
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Main <spec.yaml> <outputDir>");
        }
        SpecModel spec = SpecLoader.load(Path.of(args[0]));
        List<Path> written = Generator.write(new Generator(spec).generate(), Path.of(args[1]));
        System.out.println("pdpkit-codegen: " + written.size() + " files from " + spec.sourceName() + " ("
                + spec.objects().size() + " models, " + spec.enums().size() + " enums, " + spec.unions().size()
                + " unions, " + spec.operations().size() + " operations)");
    }
}
