package dev.pdpkit.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.codegen.SpecModel.Operation;
import dev.pdpkit.codegen.SpecModel.ResponseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixture/fixture-api.yaml");

    @TempDir
    Path tmp;

    @Test
    void classifiesEveryResponseShape() {
        SpecModel spec = SpecLoader.load(FIXTURE);
        assertThat(op(spec, "projects", "list").response().kind()).isEqualTo(ResponseKind.PAGE);
        assertThat(op(spec, "projects", "get").response().kind()).isEqualTo(ResponseKind.DATA);
        assertThat(op(spec, "projects", "delete").response().kind()).isEqualTo(ResponseKind.VOID);
        assertThat(op(spec, "regions", "list").response().kind()).isEqualTo(ResponseKind.LIST);
        assertThat(op(spec, "databases", "getUsage").response().kind()).isEqualTo(ResponseKind.WHOLE);
        Operation backups = op(spec, "databases", "listBackups");
        assertThat(backups.response().kind()).isEqualTo(ResponseKind.WHOLE);
        assertThat(backups.response().type()).isEqualTo(
                new SpecModel.Named("DatabaseListBackupsResponse", SpecModel.NamedKind.OBJECT));
        assertThat(spec.objects()).containsKey("DatabaseListBackupsResponse");
        assertThat(spec.unions().get("DatabaseSource").variants())
                .containsOnlyKeys("empty", "backup", "database");
        assertThat(spec.sourceName()).isEqualTo("fixture/fixture-api.yaml");
    }

    @Test
    void readsFieldFlags() {
        SpecModel spec = SpecLoader.load(FIXTURE);
        SpecModel.Field region = field(spec, "Database", "region");
        assertThat(region.required()).isTrue();
        assertThat(region.nullable()).isTrue();
        assertThat(region.type()).isEqualTo(new SpecModel.Named("Region", SpecModel.NamedKind.OBJECT));
        assertThat(field(spec, "Connection", "connectionString").secret()).isTrue();
        assertThat(field(spec, "Connection", "directConnection").deprecated()).isTrue();
        assertThat(field(spec, "Database", "type").constValue()).isEqualTo("database");
        assertThat(field(spec, "Database", "sizeGiB").type())
                .isEqualTo(new SpecModel.Scalar(SpecModel.ScalarKind.DECIMAL));
        SpecModel.Field bodyRegion = op(spec, "projects.databases", "create").bodyFields().stream()
                .filter(f -> f.jsonName().equals("region")).findFirst().orElseThrow();
        assertThat(bodyRegion.defaultValue()).isEqualTo("us-east-1");
    }

    @Test
    void rejectsAnInlineObject() throws IOException {
        assertThatThrownBy(() -> load(components("""
                    Thing:
                      type: object
                      properties:
                        nested:
                          type: object
                          properties:
                            a: {type: string}
                """))).isInstanceOf(SpecException.class)
                .hasMessageContaining("components.schemas.Thing.properties.nested")
                .hasMessageContaining("inline object");
    }

    @Test
    void rejectsAnInlineEnum() throws IOException {
        assertThatThrownBy(() -> load(components("""
                    Thing:
                      type: object
                      properties:
                        color: {type: string, enum: [red, blue]}
                """))).isInstanceOf(SpecException.class).hasMessageContaining("inline enum");
    }

    @Test
    void rejectsAOneOfWithoutDiscriminator() throws IOException {
        assertThatThrownBy(() -> load(components("""
                    A: {type: object, properties: {type: {type: string, enum: [a]}}}
                    B: {type: object, properties: {type: {type: string, enum: [b]}}}
                    AOrB:
                      oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                """))).isInstanceOf(SpecException.class).hasMessageContaining("discriminator");
    }

    @Test
    void rejectsAnUnknownFormat() throws IOException {
        assertThatThrownBy(() -> load(components("""
                    Thing:
                      type: object
                      properties:
                        when: {type: string, format: duration}
                """))).isInstanceOf(SpecException.class).hasMessageContaining("format 'duration'");
    }

    @Test
    void rejectsAnOperationWithoutSdkGroup() throws IOException {
        assertThatThrownBy(() -> load("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /v1/things:
                    get:
                      operationId: getV1Things
                      x-sdk-method: list
                      responses:
                        '204': {description: none}
                """)).isInstanceOf(SpecException.class)
                .hasMessageContaining("paths./v1/things.get")
                .hasMessageContaining("x-sdk-group is missing");
    }

    @Test
    void rejectsTwoOperationsWithTheSameMethodName() throws IOException {
        assertThatThrownBy(() -> load("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /v1/things:
                    get:
                      operationId: getV1Things
                      x-sdk-group: things
                      x-sdk-method: list
                      responses:
                        '204': {description: none}
                  /v1/other-things:
                    get:
                      operationId: getV1OtherThings
                      x-sdk-group: things
                      x-sdk-method: list
                      responses:
                        '204': {description: none}
                """)).isInstanceOf(SpecException.class).hasMessageContaining("things#list");
    }

    @Test
    void rejectsASpecThatDoesNotParse() throws IOException {
        assertThatThrownBy(() -> load("openapi: 3.0.3\ninfo: {title: t}\npaths: {}\n"))
                .isInstanceOf(SpecException.class).hasMessageContaining("parser reported");
    }

    private static String components(String schemas) {
        return "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas;
    }

    private SpecModel load(String yaml) throws IOException {
        Path file = tmp.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return SpecLoader.load(file);
    }

    static Operation op(SpecModel spec, String group, String method) {
        return spec.operations().stream()
                .filter(o -> String.join(".", o.group()).equals(group) && o.sdkMethod().equals(method))
                .findFirst().orElseThrow();
    }

    private static SpecModel.Field field(SpecModel spec, String schema, String name) {
        return spec.objects().get(schema).fields().stream().filter(f -> f.jsonName().equals(name)).findFirst()
                .orElseThrow();
    }
}
