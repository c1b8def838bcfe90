package dev.pdpkit.benchmarks;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.Project;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one place that knows the SDK's asynchronous API, {@code client.async().projects().get(id)}. Returning empty
 * (for a client version without async calls) makes the report show the async comparison as pending.
 */
final class SdkAsync {
    private SdkAsync() {
    }

    static Optional<Function<String, CompletableFuture<Project>>> projectsGet(PrismaManagement client) {
        return Optional.of(client.async().projects()::get);
    }
}
