package dev.pdpkit.cli.internal;

import dev.pdpkit.cli.CliEnvironment;
import dev.pdpkit.client.PrismaManagement;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
    private volatile String serviceToken;
    private CompletableFuture<ClientFactory.Built> prewarmed;

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
            if (prewarmed != null) {
                try {
                    built = prewarmed.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                } finally {
                    prewarmed = null;
                }
            } else {
                built = ClientFactory.create(this);
            }
        }
        return built.client();
    }

    /**
     * Starts building the client on a background thread, for a command that will need it: on a cold JVM the build
     * costs about as much CPU as picocli's parsing, and the two then run side by side. A failure surfaces from
     * {@link #client()}, never here.
     */
    public void prewarmClient() {
        if (built == null && prewarmed == null) {
            CompletableFuture<ClientFactory.Built> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(ClientFactory.create(this));
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            }, "pdp-client-prewarm");
            t.setDaemon(true);
            t.start();
            prewarmed = f;
            Warmup.start();
        }
    }

    private void discardPrewarmed() {
        if (prewarmed != null) {
            prewarmed.thenAccept(ClientFactory.Built::close);
            prewarmed = null;
        }
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
        discardPrewarmed(); // built with the environment's credentials
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
        discardPrewarmed();
        if (built != null) {
            built.close();
        }
    }
}
