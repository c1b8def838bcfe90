package dev.pdpkit.cli.internal;

import dev.pdpkit.cli.CliEnvironment;
import dev.pdpkit.client.PrismaManagement;
import java.nio.file.Path;

/**
 * One run of {@code pdp}: its environment, the global flags, and the API client, built on first use so that a
 * command that needs none (help, version, completion) loads no HTTP classes, and a service token no OAuth classes.
 */
public final class Session implements AutoCloseable {
    private final CliEnvironment env;
    boolean json;
    boolean quiet;
    boolean verbose;
    private ClientFactory.Built built;
    private String serviceToken;

    /**
     * @param env the environment
     */
    public Session(CliEnvironment env) {
        this.env = env;
    }

    /** @return the environment */
    public CliEnvironment env() {
        return env;
    }

    /** @return whether {@code --json} was given */
    public boolean json() {
        return json;
    }

    /** @return whether {@code --quiet} was given */
    public boolean quiet() {
        return quiet;
    }

    /** @return whether {@code --verbose} was given */
    public boolean verbose() {
        return verbose;
    }

    /** @return the folder holding the login (see {@link ConfigDir}) */
    public Path configDir() {
        return ConfigDir.resolve(env);
    }

    /**
     * @return the API client, authenticated with {@code PRISMA_SERVICE_TOKEN} or else the stored OAuth login
     * @throws CliException with {@link ExitCodes#AUTH} when neither is available
     */
    public PrismaManagement client() {
        if (built == null) {
            built = ClientFactory.create(this);
        }
        return built.client();
    }

    /**
     * Makes {@link #client()} authenticate with this service token instead of the environment's or the login (for
     * {@code tokens rotate --token-file}). Must be called before the first {@link #client()}.
     *
     * @param token the token
     */
    public void useServiceToken(String token) {
        if (built != null) {
            throw new IllegalStateException("the client was already built");
        }
        this.serviceToken = token;
    }

    String serviceTokenOverride() {
        return serviceToken;
    }

    /** @return how the client authenticates: {@code service-token} or {@code oauth} */
    public String authMethod() {
        client();
        return built.authMethod();
    }

    /** @return the printer for this run's output mode */
    public Output output() {
        return new Output(env, json, quiet);
    }

    @Override
    public void close() {
        if (built != null) {
            built.close();
        }
    }
}
