package dev.pdpkit.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Names the classes of one compiled module: a jar or a classes directory, as a reactor build provides either. */
public final class ClassIndex {
    private ClassIndex() {
    }

    /**
     * Lists the binary names of the classes that come from the same jar or directory as {@code anchor}.
     *
     * @param anchor any class of the module
     * @return the class names, sorted; {@code module-info} and {@code package-info} left out
     * @throws UncheckedIOException if the jar or directory cannot be read
     */
    public static List<String> classesBeside(Class<?> anchor) {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anchor.getName(), e);
        }
        List<String> names = Files.isDirectory(location) ? fromDirectory(location) : fromJar(location);
        Collections.sort(names);
        return names;
    }

    private static List<String> fromDirectory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = new ArrayList<>();
            files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .forEach(path -> addClass(names, path));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static List<String> fromJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(n -> addClass(names, n));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static void addClass(List<String> names, String path) {
        String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        if (!name.endsWith("module-info") && !name.endsWith("package-info") && !name.startsWith("META-INF")) {
            names.add(name);
        }
    }
}
