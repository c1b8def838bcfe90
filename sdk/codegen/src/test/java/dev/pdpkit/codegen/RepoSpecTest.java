package dev.pdpkit.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The repository's own OpenAPI document parses cleanly and keeps the conventions the generator relies on. */
class RepoSpecTest {
    private static final Path SPEC = Path.of("../../openapi/prisma-management-api.yaml");

    private static SwaggerParseResult parse() {
        assertThat(Files.exists(SPEC)).as("spec at " + SPEC.toAbsolutePath()).isTrue();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readLocation(SPEC.toString(), null, options);
    }

    @Test
    void theSpecParsesWithoutMessages() {
        SwaggerParseResult result = parse();

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void itHasTheFortySixStableOperationsEachWithItsSdkName() {
        OpenAPI api = parse().getOpenAPI();
        List<Operation> ops = new ArrayList<>();
        api.getPaths().values().forEach(item -> ops.addAll(item.readOperations()));
        Set<String> sdkNames = new HashSet<>();

        for (Operation op : ops) {
            Map<String, Object> ext = op.getExtensions();
            assertThat(op.getOperationId()).isNotBlank();
            assertThat(ext).containsKeys("x-sdk-group", "x-sdk-method");
            sdkNames.add(ext.get("x-sdk-group") + "." + ext.get("x-sdk-method"));
        }

        assertThat(ops).hasSize(46);
        assertThat(sdkNames).hasSize(46);
        assertThat(api.getPaths().keySet()).allMatch(p -> p.startsWith("/v1/"))
                .noneMatch(p -> p.contains("agent-approvals"));
    }

    @Test
    void secretBearingFieldsAreMarked() {
        Map<String, Schema> schemas = parse().getOpenAPI().getComponents().getSchemas();
        Set<String> secret = new HashSet<>();
        schemas.forEach((name, schema) -> {
            Map<String, Schema> props = schema.getProperties();
            if (props != null) {
                props.forEach((prop, s) -> {
                    if (s.getExtensions() != null && Boolean.TRUE.equals(s.getExtensions().get("x-secret"))) {
                        secret.add(name + "." + prop);
                    }
                });
            }
        });

        assertThat(secret).contains("CreatedServiceToken.value", "CreatedBucketKey.secretAccessKey",
                "DirectConnection.pass");
        assertThat(secret).anyMatch(s -> s.endsWith(".connectionString"));
    }
}
