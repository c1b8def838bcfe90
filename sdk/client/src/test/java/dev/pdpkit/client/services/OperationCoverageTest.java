package dev.pdpkit.client.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.api.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the per-operation tests: every operation of the OpenAPI document is stubbed (and so called and asserted) by
 * one of the {@code *OperationsTest} classes of this package.
 */
class OperationCoverageTest {
    private static final Pattern STUB = Pattern.compile("stub(?:OffSpec)?\\(\"([A-Z]+)\", \"(/v1/[^\"?]*)\"");

    @Test
    void everyOperationOfTheSpecHasAWireMockTest() throws IOException {
        Path dir = Path.of("src/test/java/dev/pdpkit/client/services");
        List<String> stubbed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("OperationsTest.java"))
                    .collect(Collectors.toList())) {
                Matcher m = STUB.matcher(Files.readString(f));
                while (m.find()) {
                    stubbed.add(m.group(1) + " " + m.group(2));
                }
            }
        }
        Map<String, String> operations = SpecValidator.get().operations();
        TreeSet<String> missing = new TreeSet<>();
        operations.forEach((id, key) -> {
            String method = key.substring(0, key.indexOf(' '));
            String regex = Pattern.quote(method + " ") + Pattern.quote(key.substring(key.indexOf(' ') + 1))
                    .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (stubbed.stream().noneMatch(s -> s.matches(regex))) {
                missing.add(id + " (" + key + ")");
            }
        });
        assertThat(operations).hasSize(46);
        assertThat(missing).as("operations without a WireMock test").isEmpty();
    }
}
