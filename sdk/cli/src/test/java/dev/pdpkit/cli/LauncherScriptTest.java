package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.cli.internal.CommandTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher script's own copy of what the Java side decides. */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("src", "main", "dist", "pdp");

    @Test
    void theCommandsRunWithoutTheExtraJarsAreExactlyTheApiCommands() throws IOException {
        Matcher m = Pattern.compile("\\n\\s*([a-z|]+)\\) classpath=\\$core ;;").matcher(Files.readString(SCRIPT));
        assertThat(m.find()).as("the launcher's case line for the API commands").isTrue();
        assertThat(Set.of(m.group(1).split("\\|"))).isEqualTo(CommandTree.apiCommands());
    }
}
