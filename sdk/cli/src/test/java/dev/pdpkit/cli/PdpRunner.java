package dev.pdpkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.cli.internal.CommandTree;
import dev.pdpkit.cli.internal.Session;
import dev.pdpkit.emulator.PrismaEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/** Runs {@code pdp} in-process against an emulator, with captured output and its own environment. */
final class PdpRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;
    private Consumer<URI> browser;

    PdpRunner(PrismaEmulator emulator, Path configDir) {
        env.put("PRISMA_API_URL", emulator.baseUrl());
        env.put("PRISMA_SERVICE_TOKEN", emulator.partnerServiceToken());
        env.put("PDP_CONFIG_DIR", configDir.toString());
    }

    PdpRunner set(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    PdpRunner terminal(boolean on) {
        this.terminal = on;
        return this;
    }

    PdpRunner browser(Consumer<URI> browser) {
        this.browser = browser;
        return this;
    }

    Map<String, String> env() {
        return env;
    }

    Result run(String... args) {
        return run(new ByteArrayOutputStream(), new ByteArrayOutputStream(), args);
    }

    /** Runs with the caller's buffers, which another thread may read while the command runs. */
    Result run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return run(out, err, cli -> Pdp.run(cli, args));
    }

    /** Runs always through picocli, as {@code Pdp.run} does for every command line but the few it runs directly. */
    Result runParsed(String... args) {
        return run(new ByteArrayOutputStream(), new ByteArrayOutputStream(), cli -> {
            try (Session session = new Session(cli)) {
                return CommandTree.forArgs(session, args).execute(args);
            }
        });
    }

    private Result run(ByteArrayOutputStream out, ByteArrayOutputStream err, ToIntFunction<CliEnvironment> pdp) {
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = pdp.applyAsInt(new CliEnvironment(env, o, e, terminal, browser));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One run's exit status and output. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
