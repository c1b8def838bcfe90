package dev.pdpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion scripts, {@code --version} and help: the commands that need no credentials. */
class CompletionAndHelpTest {
    static PrismaEmulator emulator;
    @TempDir
    Path config;

    @BeforeAll
    static void start() {
        emulator = PrismaEmulator.builder().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    PdpRunner pdp() {
        // No credentials at all: none of these may need them.
        return new PdpRunner(emulator, config).set("PRISMA_SERVICE_TOKEN", null);
    }

    @Test
    void bashAndZshCompletionCoverTheWholeTree() {
        PdpRunner.Result bash = pdp().run("completion", "bash");
        assertThat(bash.exitCode()).as(bash.toString()).isZero();
        assertThat(bash.out()).contains("complete -F _complete_pdp", "databases", "connections", "rotate",
                "--older-than", "--show-secrets");
        PdpRunner.Result zsh = pdp().run("completion", "zsh");
        assertThat(zsh.out()).startsWith("#compdef pdp\n").contains("bashcompinit", "_complete_pdp");
        assertThat(pdp().run("completion", "fish").exitCode()).isEqualTo(2);
    }

    @Test
    void versionAndHelp() {
        PdpRunner.Result version = pdp().run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).matches("pdp \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(pdpkit; Java .+\\)\\n");
        PdpRunner.Result help = pdp().run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("whoami", "login", "logout", "workspaces", "projects", "databases",
                "connections", "tokens", "regions", "emulator", "completion", "Exit codes: 0 ok");
        assertThat(pdp().run("databases", "create", "--help").out()).contains("--wait", "--logical-id");
    }
}
