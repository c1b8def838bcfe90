package dev.pdpkit.e2e.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's README and the Java block after one of its markers. */
final class Readme {
    private Readme() {
    }

    /**
     * @param marker the start of the HTML comment before the block, for example {@code <!-- quickstart:begin}
     * @return the Java source of the first {@code ```java} block after the marker
     */
    static String javaBlockAfter(String marker) throws IOException {
        String readme = Files.readString(find(), StandardCharsets.UTF_8);
        int begin = readme.indexOf(marker);
        if (begin < 0) {
            throw new AssertionError("README marker " + marker + " not found");
        }
        int code = readme.indexOf("```java", begin) + "```java".length();
        return readme.substring(code, readme.indexOf("```", code));
    }

    private static Path find() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("openapi")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("README.md");
    }
}
