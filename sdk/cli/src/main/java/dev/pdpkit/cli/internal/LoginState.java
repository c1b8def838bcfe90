package dev.pdpkit.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where {@code pdp login} signed in ({@code login.properties} in the config folder): the authorization server, the
 * OAuth client id and the API URL, so later commands refresh against the same server without flags. The tokens
 * themselves are in {@code oauth-tokens.json} next to it (a {@code FileTokenStore}).
 *
 * @param issuer the authorization server's issuer URL
 * @param clientId the OAuth client id
 * @param apiUrl the API base URL given at login, or null for the default
 */
public record LoginState(String issuer, String clientId, String apiUrl) {
    static final String FILE = "login.properties";
    static final String TOKENS_FILE = "oauth-tokens.json";

    /**
     * @param configDir the config folder
     * @return the stored login, or empty when not signed in (no login file or no token file)
     * @throws CliException if the login file cannot be read or is incomplete
     */
    public static Optional<LoginState> read(Path configDir) {
        Path file = configDir.resolve(FILE);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(configDir.resolve(TOKENS_FILE))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        String issuer = p.getProperty("issuer");
        String clientId = p.getProperty("clientId");
        if (issuer == null || clientId == null) {
            throw new CliException(ExitCodes.AUTH, file + " is incomplete: run `pdp login` again");
        }
        return Optional.of(new LoginState(issuer, clientId, p.getProperty("apiUrl")));
    }

    /**
     * Records this login in {@code configDir}, replacing the file atomically.
     *
     * @param configDir the config folder
     * @throws CliException if it cannot be written
     */
    public void save(Path configDir) {
        try {
            write(configDir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "cannot write the login to " + configDir + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private void write(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        Properties p = new Properties();
        p.setProperty("issuer", issuer);
        p.setProperty("clientId", clientId);
        if (apiUrl != null) {
            p.setProperty("apiUrl", apiUrl);
        }
        Path tmp = Files.createTempFile(configDir, ".login", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "pdp login: where to refresh the OAuth tokens (no secrets here)");
        }
        Files.move(tmp, configDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Forgets the login (the OAuth module removes the tokens themselves).
     *
     * @param configDir the config folder
     * @throws CliException if the file cannot be removed
     */
    public static void delete(Path configDir) {
        try {
            Files.deleteIfExists(configDir.resolve(FILE));
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "cannot remove the login: " + e.getClass().getSimpleName());
        }
    }
}
