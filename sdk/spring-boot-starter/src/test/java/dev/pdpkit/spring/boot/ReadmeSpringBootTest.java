package dev.pdpkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.fixtures.readme.Readme;
import dev.pdpkit.spring.boot.metrics.PrismaMeters;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's "Spring Boot" section honest: its Java blocks compile against the starter (on whichever Boot
 * line runs this suite), every property it shows has configuration metadata, and it names the real meters.
 */
class ReadmeSpringBootTest {
    private static final String BEGIN = "<!-- spring-boot:begin";
    private static final String END = "<!-- spring-boot:end -->";

    @TempDir
    Path dir;

    @Test
    void theJavaBlocksCompile() throws Exception {
        List<String> blocks = Readme.blocksBetween(BEGIN, END, "java");
        assertThat(blocks).hasSize(2);
        Readme.compileAll(dir, blocks);
    }

    @Test
    void everyPropertyShownHasMetadata() throws Exception {
        Set<String> known = metadataNames();
        Properties shown = new Properties();
        shown.load(new java.io.StringReader(Readme.blocksBetween(BEGIN, END, "properties").get(0)));
        assertThat(shown.stringPropertyNames()).isNotEmpty().allSatisfy(name -> assertThat(known).contains(name));
    }

    @Test
    void theMeterNamesAreTheRealOnes() throws Exception {
        assertThat(Readme.text()).contains(PrismaMeters.REQUESTS, PrismaMeters.RETRIES, PrismaMeters.LOGINS,
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
}
