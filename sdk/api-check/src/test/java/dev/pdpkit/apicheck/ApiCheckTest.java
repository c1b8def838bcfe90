package dev.pdpkit.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.apicheck.fixture.Widget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker itself, on fixture classes compiled with this module's tests. */
class ApiCheckTest {
    private static final String SECRET = "dev.pdpkit.apicheck.fixture.internal.Secret";

    @TempDir
    Path dir;

    private static List<Class<?>> fixtureTypes() {
        List<String> names = ClassIndex.classesBeside(Widget.class).stream()
                .filter(n -> n.startsWith("dev.pdpkit.apicheck.fixture.")).collect(Collectors.toList());
        return ApiListing.apiTypes(ApiCheckTest.class.getClassLoader(), names);
    }

    @Test
    void listsPublicAndProtectedMembersOfNonInternalTypesOnly() {
        String listing = String.join("\n", ApiListing.render(fixtureTypes()));

        assertThat(listing).contains(
                "public class dev.pdpkit.apicheck.fixture.Widget\n",
                "  public <init>(" + SECRET + ")",
                "  protected <init>()",
                "  public static final java.lang.String NAME",
                "  protected int size",
                "  public <T extends java.lang.Comparable<T>> java.util.List<T> sorted(java.util.List<T>, "
                        + "java.lang.String...) throws java.io.IOException",
                "  public java.util.function.Supplier<? extends " + SECRET + "> secrets()",
                "  protected void resize(int)",
                "public static final class dev.pdpkit.apicheck.fixture.Widget$Part",
                "public sealed interface dev.pdpkit.apicheck.fixture.Shape permits "
                        + "dev.pdpkit.apicheck.fixture.Shape$Circle, dev.pdpkit.apicheck.fixture.Shape$Kind",
                "  public default java.lang.String describe()",
                "  public double area()",
                "public record dev.pdpkit.apicheck.fixture.Shape$Circle implements dev.pdpkit.apicheck.fixture.Shape\n  public <init>(double)",
                "public enum dev.pdpkit.apicheck.fixture.Shape$Kind implements dev.pdpkit.apicheck.fixture.Shape");
        assertThat(listing).doesNotContain("hidden", "packagePrivate", "Detail", "Hidden", "notApi",
                "class " + SECRET);
    }

    @Test
    void findsEveryPublicSignatureThatNamesAnInternalType() {
        assertThat(InternalLeaks.find(fixtureTypes())).containsExactly(
                "dev.pdpkit.apicheck.fixture.Widget: public <init>(" + SECRET + ") -> " + SECRET,
                "dev.pdpkit.apicheck.fixture.Widget: public java.util.function.Supplier<? extends " + SECRET
                        + "> secrets() -> " + SECRET);
    }

    @Test
    void updateWritesTheListingThenAnyChangeFailsUntilRegenerated() throws Exception {
        Path listing = dir.resolve("api/fixture.api");
        Path allow = allowlist(InternalLeaks.find(fixtureTypes()));

        assertThat(ApiCheck.run("fixture", fixtureTypes(), listing, allow, true)).isEmpty();
        assertThat(ApiCheck.run("fixture", fixtureTypes(), listing, allow, false)).isEmpty();

        List<String> edited = new ArrayList<>(Files.readAllLines(listing));
        edited.remove("  protected void resize(int)");
        edited.add(edited.indexOf("  protected int size"), "  public void resize(int)");
        Files.write(listing, edited);

        List<String> problems = ApiCheck.run("fixture", fixtureTypes(), listing, allow, false);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains(
                "removed (1):\n  - dev.pdpkit.apicheck.fixture.Widget  ::  public void resize(int)",
                "added (1):\n  + dev.pdpkit.apicheck.fixture.Widget  ::  protected void resize(int)",
                "-Dpdpkit.api.update=true");
    }

    @Test
    void missingListingFails() throws Exception {
        List<String> problems = ApiCheck.run("fixture", fixtureTypes(), dir.resolve("absent.api"),
                allowlist(InternalLeaks.find(fixtureTypes())), false);

        assertThat(problems).singleElement().asString().contains("no API listing", ApiCheck.UPDATE_COMMAND);
    }

    @Test
    void leakNotOnTheAllowlistFails() throws Exception {
        Path listing = dir.resolve("fixture.api");
        List<String> problems = ApiCheck.run("fixture", fixtureTypes(), listing, dir.resolve("none.txt"), true);

        assertThat(problems).singleElement().asString()
                .contains("2 public signature(s) expose internal types", "secrets() -> " + SECRET);
    }

    @Test
    void staleAllowlistEntryFailsAndUpdatePrunesIt() throws Exception {
        Path listing = dir.resolve("fixture.api");
        List<String> entries = new ArrayList<>(InternalLeaks.find(fixtureTypes()));
        entries.add("dev.pdpkit.apicheck.fixture.Widget: public void gone(" + SECRET + ") -> " + SECRET);
        Path allow = allowlist(entries);
        ApiCheck.run("fixture", fixtureTypes(), listing, allow, true);
        Files.writeString(allow, "# comment kept\n" + String.join("\n", entries) + "\n");

        assertThat(ApiCheck.run("fixture", fixtureTypes(), listing, allow, false)).singleElement().asString()
                .contains("1 allowlisted leak(s) are gone", "gone(");

        assertThat(ApiCheck.run("fixture", fixtureTypes(), listing, allow, true)).isEmpty();
        assertThat(Files.readAllLines(allow)).containsExactlyElementsOf(
                concat(List.of("# comment kept"), InternalLeaks.find(fixtureTypes())));
        assertThat(ApiCheck.run("fixture", fixtureTypes(), listing, allow, false)).isEmpty();
    }

    private Path allowlist(List<String> entries) throws Exception {
        Path file = Files.createTempFile(dir, "allow", ".txt");
        Files.write(file, entries, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
