package dev.pdpkit.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of a command that receives a secret (a connection string, a token value): by default it is masked;
 * {@code --show-secrets} prints it, {@code --output FILE} writes it to a new file readable only by its owner.
 */
public final class SecretOptions {
    @Option(names = "--show-secrets", description = "Print secrets (connection strings, passwords, token values).")
    boolean show;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the secret to FILE, created with mode 0600 (atomically); refuses an existing FILE.")
    Path output;

    @Option(names = "--force", description = "With --output: replace an existing FILE.")
    boolean force;

    /** @return whether the secret may be printed */
    public boolean show() {
        return show;
    }

    /** @return the file to write the secret to, or null */
    public Path output() {
        return output;
    }

    /**
     * Checks before anything is created that the secret can be stored where asked.
     *
     * @throws CliException with {@link ExitCodes#CONFLICT} if the output file exists and {@code --force} is absent
     */
    public void checkBeforeCreate() {
        if (output != null && !force && Files.exists(output)) {
            throw new CliException(ExitCodes.CONFLICT, output + " exists; use --force to replace it");
        }
    }

    /**
     * Writes {@code value} to {@code --output} if given.
     *
     * @param value the secret
     * @return whether it was written
     * @throws CliException if the file cannot be written or appeared meanwhile (without {@code --force})
     */
    public boolean store(String value) {
        if (output == null) {
            return false;
        }
        try {
            SecretFile.write(output, value, force);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new CliException(ExitCodes.CONFLICT, output + " exists; use --force to replace it");
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "cannot write " + output + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param value a secret
     * @param masked how it looks masked
     * @return {@code value} with {@code --show-secrets}, else {@code masked}
     */
    public String display(String value, String masked) {
        return show ? value : masked;
    }
}
