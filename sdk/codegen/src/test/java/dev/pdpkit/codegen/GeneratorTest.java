package dev.pdpkit.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the fixture spec, compiles the result against the client's hand-written runtime (its sources, compiled on
 * demand through {@code -sourcepath}) with {@code -Xlint:all}, and runs a few generated codecs.
 */
class GeneratorTest {
    private static final Path CLIENT_SOURCES = Path.of("../client/src/main/java");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Map<String, JavaFile> files;
    private static Path sources;
    private static Path classes;

    @BeforeAll
    static void generateAndCompile() throws IOException {
        files = new Generator(SpecLoader.load(SpecLoaderTest.FIXTURE)).generate();
        sources = tmp.resolve("src");
        classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        Generator.write(files, sources);
        compile();
    }

    @Test
    void outputIsDeterministic() throws IOException {
        Map<String, JavaFile> again = new Generator(SpecLoader.load(SpecLoaderTest.FIXTURE)).generate();
        assertThat(again.keySet()).containsExactlyElementsOf(files.keySet());
        for (String name : files.keySet()) {
            assertThat(Generator.render(again.get(name))).as(name).isEqualTo(Generator.render(files.get(name)));
        }
        // A second write replaces the first one completely, stale files included.
        Path stale = sources.resolve("dev/pdpkit/client/model/Stale.java");
        Files.writeString(stale, "class Stale {}");
        Generator.write(files, sources);
        assertThat(stale).doesNotExist();
    }

    @Test
    void everyFileCarriesTheHeader() {
        for (JavaFile file : files.values()) {
            assertThat(file.toString()).startsWith(
                    "// Generated from fixture/fixture-api.yaml by pdpkit-codegen. Do not edit.\n");
        }
    }

    @Test
    void emitsTheExpectedPublicShape() throws IOException {
        String projects = source("services/ProjectsService");
        assertThat(projects)
                .contains(" ProjectsService(ClientContext ctx)").doesNotContain("public ProjectsService(ClientContext")
                .contains("public ProjectDatabasesService databases()")
                .contains("public Project get(ProjectGetParams params, RequestOptions options)")
                .contains("public Project get(String id)")
                .contains("public Project get(String id, RequestOptions options)")
                .contains("public Page<Project> list()")
                .contains("public Page<Project> list(RequestOptions options)")
                .contains("public void delete(String id)")
                .contains("public RawResponse<Void> delete(String id)")
                .contains("public RawResponse<Page<Project>> list(ProjectListParams params, RequestOptions options)")
                .contains("ApiRequest.builder(\"getV1ProjectsById\", \"GET\", \"/v1/projects/{id}\")")
                .contains("@throws NotFoundException 404: The resource was not found")
                .contains("{@code GET /v1/projects/{id}}");
        // transfer needs a body field besides the path: no (String id) shorthand
        assertThat(projects).doesNotContain("transfer(String id)");

        assertThat(source("services/RegionsService")).contains("public List<Region> list()");
        assertThat(source("services/DatabasesService"))
                .contains("public DatabaseListBackupsResponse listBackups(String databaseId)")
                .contains("public DatabaseUsage getUsage(DatabaseGetUsageParams params, RequestOptions options)")
                .doesNotContain("getUsage(String databaseId)")
                .contains("DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(params.since())")
                .contains("@throws InternalServerException 503");
        assertThat(source("services/ProjectDatabasesService"))
                .contains("request.idempotency(ApiRequest.IdempotencyKind.LOGICAL_ID_CREATE)");

        assertThat(source("model/DatabaseSource"))
                .contains("public sealed interface DatabaseSource permits EmptySource, BackupSource, "
                        + "DatabaseCloneSource, DatabaseSource.Unknown")
                .contains("String type();");
        assertThat(source("model/BackupSource")).contains("public final class BackupSource implements DatabaseSource");
        assertThat(source("model/DatabaseStatus"))
                .contains("public static final DatabaseStatus READY")
                .contains("public Optional<Known> known()")
                .contains("public String asString()");
        assertThat(source("model/RegionId")).contains("public static final RegionId US_EAST_1");

        String connection = source("model/Connection");
        assertThat(connection)
                .contains(".addSecret(\"connectionString\", connectionString)")
                .contains("public Optional<String> connectionString()")
                .contains("public JsonField<String> _connectionString()")
                .contains("@Deprecated public Optional<DirectConnection> directConnection()");
        assertThat(source("model/Database"))
                .contains("public Optional<Region> region()")
                .contains("public DatabaseStatus status()")
                .contains("public Builder sizeGiB(long sizeGiB)");
        assertThat(source("model/ProjectTransferParams"))
                .contains(".addSecret(\"recipientAccessToken\", recipientAccessToken)");
        assertThat(source("model/ProjectListParams")).contains("public static ProjectListParams none()");
        assertThat(source("internal/codec/ProjectDatabaseCreateParamsCodec"))
                .contains("@SuppressWarnings(\"deprecation\")");
    }

    @Test
    void emitsGetOrCreateForCreatesWithALogicalId() throws IOException {
        // projects: the list filters by logicalId, so the lookup asks for it
        assertThat(source("services/ProjectsService"))
                .contains("public GetOrCreateResult<Project, Project> getOrCreate(ProjectCreateParams params,")
                .contains("public GetOrCreateResult<Project, Project> getOrCreate(ProjectCreateParams params)")
                .contains("? GetOrCreateResult.newLogicalId() : given;")
                .contains("? params : params.toBuilder().logicalId(logicalId).build();")
                .contains("} catch (ConflictException conflict) {")
                .contains("query.logicalId(logicalId);")
                .contains("return GetOrCreateResult.ofFound(found.id(), logicalId, found);")
                .contains("{@link #getOrCreate(ProjectCreateParams, RequestOptions)} returns the existing");
        // projects.databases: no logicalId filter on the list, so every page is searched; the path is carried over
        assertThat(source("services/ProjectDatabasesService"))
                .contains("getOrCreate(ProjectDatabaseCreateParams params")
                .contains("query.projectId(params.projectId());")
                .contains("list(query.build(), options).autoPager().forEach(match);")
                .contains("item -> item._logicalId().asOptional().orElse(null)")
                .doesNotContain("query.logicalId(");
        // the non-blocking twins: the same create, then a lookup on 409, as futures
        assertThat(source("services/ProjectsServiceAsync"))
                .contains("public CompletableFuture<GetOrCreateResult<Project, Project>> getOrCreate(")
                .contains("return GetOrCreateSupport.async(create(sent, options),")
                .contains(".thenCompose(page -> page.autoPager().forEachAsync(match))");
        assertThat(source("services/DatabasesServiceAsync")).doesNotContain("getOrCreate");
        // no create in the group, or a create without logicalId: nothing
        assertThat(source("services/DatabasesService")).doesNotContain("getOrCreate");
        assertThat(source("services/DatabaseConnectionsService")).doesNotContain("getOrCreate");
        assertThat(source("services/GetOrCreateResult"))
                .contains("public final class GetOrCreateResult<C, R>")
                .contains("public enum Outcome")
                .contains("public Optional<C> created()")
                .contains("public Optional<R> found()");
    }

    @Test
    void generatedCodecsRoundTripAndStayLenient() throws Exception {
        try (URLClassLoader loader = loader()) {
            String json = "{\"id\":\"db_1\",\"type\":\"database\",\"name\":\"main\",\"status\":\"hibernating\","
                    + "\"createdAt\":\"2025-01-02T03:04:05Z\",\"isDefault\":true,\"defaultConnectionId\":null,"
                    + "\"connections\":[],\"region\":null,"
                    + "\"source\":{\"type\":\"snapshot\",\"snapshotId\":\"s_1\"},\"sizeGiB\":1.25,\"future\":[1,{\"a\":true}]}";
            Object db = decode(loader, "DatabaseCodec", json, "$.data");
            assertThat(encode(loader, "DatabaseCodec", db).toString()).isEqualTo(json);
            assertThat(db.toString()).contains("status=hibernating").contains("additionalProperties=[future]")
                    .contains("source=DatabaseSource.Unknown{type=snapshot, properties=[snapshotId]}");

            Object token = decode(loader, "ServiceTokenWithValueCodec", "{\"id\":\"st_1\",\"name\":\"ci\","
                    + "\"createdAt\":\"2025-01-02T03:04:05Z\",\"value\":\"very-secret-token\"}", "$");
            assertThat(token.toString()).doesNotContain("very-secret-token").contains("value=***");

            // A member of the wrong type does not fail the decode: the model comes back, the accessor throws.
            Object project = decode(loader, "ProjectCodec", "{\"id\":\"p\",\"type\":\"project\","
                    + "\"name\":42,\"createdAt\":\"2025-01-02T03:04:05Z\",\"workspace\":{\"id\":\"w\",\"name\":\"n\"}}",
                    "$.data");
            assertThat(project.getClass().getMethod("id").invoke(project)).isEqualTo("p");
            Throwable error = catchCause(() -> project.getClass().getMethod("name").invoke(project));
            assertThat(error).hasMessage("$.data.name has an unexpected type or format (expected a string, found JSON "
                    + "number)");
        }
    }

    private static Object decode(ClassLoader loader, String codec, String json, String path) throws Exception {
        Class<?> type = loader.loadClass("dev.pdpkit.client.internal.codec." + codec);
        Object instance = type.getField("INSTANCE").get(null);
        Method decode = type.getMethod("decode", JsonNode.class, String.class);
        return decode.invoke(instance, MAPPER.readTree(json), path);
    }

    private static JsonNode encode(ClassLoader loader, String codec, Object value) throws Exception {
        Class<?> type = loader.loadClass("dev.pdpkit.client.internal.codec." + codec);
        Object instance = type.getField("INSTANCE").get(null);
        for (Method m : type.getMethods()) {
            if (m.getName().equals("encode") && !m.isBridge()) {
                return (JsonNode) m.invoke(instance, value);
            }
        }
        throw new AssertionError("no encode method");
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static Throwable catchCause(ThrowingRunnable r) {
        try {
            r.run();
        } catch (java.lang.reflect.InvocationTargetException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }

    private static URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratorTest.class.getClassLoader());
    }

    /** The generated source with every run of whitespace collapsed to one space, so line wrapping does not matter. */
    private static String source(String relative) throws IOException {
        return Files.readString(sources.resolve("dev/pdpkit/client/" + relative + ".java")).replaceAll("\\s+", " ");
    }

    private static void compile() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> inputs;
        try (Stream<Path> walk = Files.walk(sources)) {
            inputs = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).collect(Collectors.toList());
        }
        List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all,-processing", "-implicit:class",
                "-d", classes.toString(), "-sourcepath", CLIENT_SOURCES.toString(), "-classpath", jacksonClasspath()));
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(inputs))
                    .call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                boolean generated = d.getSource() != null
                        && Path.of(d.getSource().toUri()).startsWith(sources.toAbsolutePath());
                if (d.getKind() == Diagnostic.Kind.ERROR || (generated && d.getKind() != Diagnostic.Kind.NOTE)) {
                    problems.add(d.toString());
                }
            }
            assertThat(problems).as("compiler diagnostics").isEmpty();
            assertThat(ok).isTrue();
        }
    }

    /** Surefire may hide the class path in a manifest jar; find Jackson's jars from its classes instead. */
    /** Jackson, Resilience4j and SLF4J: what the client's runtime compiles against. */
    private static String jacksonClasspath() {
        return Stream.of(JsonNode.class, JsonParser.class, JsonProperty.class,
                io.github.resilience4j.retry.Retry.class, io.github.resilience4j.core.IntervalBiFunction.class,
                org.slf4j.Logger.class).map(c -> {
            try {
                return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining(File.pathSeparator));
    }
}
