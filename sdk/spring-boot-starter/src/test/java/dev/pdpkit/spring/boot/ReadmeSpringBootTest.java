package dev.pdpkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.spring.boot.metrics.PrismaMeters;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's "Spring Boot" section honest: its Java blocks compile against the starter (on whichever Boot
 * line runs this suite), every property it shows has configuration metadata, and it names the real meters.
 */
class ReadmeSpringBootTest {
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?class (\\w+)");

    @TempDir
    Path dir;

    @Test
    void theJavaBlocksCompile() throws Exception {
        List<String> files = new ArrayList<>();
        for (String block : blocks("java")) {
            Matcher m = CLASS.matcher(block);
            assertThat(m.find()).as("a class in:\n" + block).isTrue();
            Path file = dir.resolve(m.group(1) + ".java");
            Files.writeString(file, block);
            files.add(file.toString());
        }
        assertThat(files).hasSize(2);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", dir.toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).as("javac exit code").isZero();
    }

    @Test
    void everyPropertyShownHasMetadata() throws Exception {
        Set<String> known = metadataNames();
        Properties shown = new Properties();
        shown.load(new java.io.StringReader(blocks("properties").get(0)));
        assertThat(shown.stringPropertyNames()).isNotEmpty().allSatisfy(name -> assertThat(known).contains(name));
    }

    @Test
    void theMeterNamesAreTheRealOnes() throws Exception {
        assertThat(readme()).contains(PrismaMeters.REQUESTS, PrismaMeters.RETRIES, PrismaMeters.LOGINS,
                PrismaMeters.REFRESHES, PrismaMeters.LOGOUTS);
    }

    private static Set<String> metadataNames() throws Exception {
        Set<String> names = new HashSet<>();
        for (URL url : Collections.list(ReadmeSpringBootTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode p : new ObjectMapper().readTree(in).path("properties")) {
                    names.add(p.path("name").asText());
                }
            }
        }
        assertThat(names).contains("pdpkit.base-url");
        return names;
    }

    private static List<String> blocks(String language) throws Exception {
        String readme = readme();
        int begin = readme.indexOf("<!-- spring-boot:begin");
        int end = readme.indexOf("<!-- spring-boot:end -->");
        assertThat(begin).as("README spring-boot markers").isNotNegative().isLessThan(end);
        String section = readme.substring(begin, end);
        List<String> out = new ArrayList<>();
        String fence = "```" + language + "\n";
        for (int i = section.indexOf(fence); i >= 0; i = section.indexOf(fence, i + 1)) {
            int code = i + fence.length();
            out.add(section.substring(code, section.indexOf("```", code)));
        }
        return out;
    }

    private static String readme() throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("openapi")))) {
            p = p.getParent();
        }
        assertThat(p).as("README.md above the working directory").isNotNull();
        return Files.readString(p.resolve("README.md"), StandardCharsets.UTF_8);
    }
}
