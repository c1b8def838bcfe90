package dev.pdpkit.benchmarks;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.Project;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one place that knows the SDK's asynchronous API. The SDK has none yet (issue 13 adds
 * {@code client.async().projects().get(id)}), so the harness reports the async comparison as pending until this
 * method returns it.
 */
final class SdkAsync {
    private SdkAsync() {
    }

    static Optional<Function<String, CompletableFuture<Project>>> projectsGet(PrismaManagement client) {
        // Once client.async() is on main, replace this line with: return Optional.of(client.async().projects()::get);
        return Optional.empty();
    }
}
