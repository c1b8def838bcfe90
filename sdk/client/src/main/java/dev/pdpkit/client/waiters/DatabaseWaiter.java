package dev.pdpkit.client.waiters;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseStatus;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for a database to become {@code ready}: after a create ({@code provisioning} → {@code ready}) or a restore
 * ({@code recovering} → {@code ready}). {@code failure} ends the wait with {@link ResourceFailedException}. Obtain
 * with {@link Waiters#database}.
 */
public final class DatabaseWaiter {
    private final PrismaManagement client;

    DatabaseWaiter(PrismaManagement client) {
        this.client = client;
    }

    /**
     * Polls {@code GET /v1/databases/{databaseId}} until the database is {@code ready}, with
     * {@link WaitOptions#defaults()}.
     *
     * @param databaseId the database
     * @return the ready database
     * @throws ResourceFailedException when the database reports {@code failure}
     * @throws WaitTimeoutException when it is not ready in time
     * @throws dev.pdpkit.client.errors.NotFoundException when the database does not exist
     */
    public Database untilReady(String databaseId) {
        return untilReady(databaseId, WaitOptions.defaults());
    }

    /**
     * Polls {@code GET /v1/databases/{databaseId}} until the database is {@code ready}.
     *
     * @param databaseId the database
     * @param options timeout, intervals, listener
     * @return the ready database
     * @throws ResourceFailedException when the database reports {@code failure}
     * @throws WaitTimeoutException when it is not ready in time
     * @throws dev.pdpkit.client.errors.NotFoundException when the database does not exist
     */
    public Database untilReady(String databaseId, WaitOptions options) {
        return waiter(databaseId).await(options);
    }

    /**
     * Polls {@code GET /v1/databases/{databaseId}} through {@code client.async()} until the database is {@code ready},
     * with {@link WaitOptions#defaults()}, without blocking a thread between polls.
     *
     * @param databaseId the database
     * @return the ready database; completed exceptionally with what {@link #untilReady(String)} throws
     */
    public CompletableFuture<Database> untilReadyAsync(String databaseId) {
        return untilReadyAsync(databaseId, WaitOptions.defaults());
    }

    /**
     * Polls {@code GET /v1/databases/{databaseId}} through {@code client.async()} until the database is {@code ready},
     * without blocking a thread between polls. Cancelling the future stops the polling.
     *
     * @param databaseId the database
     * @param options timeout, intervals, listener
     * @return the ready database; completed exceptionally with what {@link #untilReady(String, WaitOptions)} throws
     */
    public CompletableFuture<Database> untilReadyAsync(String databaseId, WaitOptions options) {
        return waiter(databaseId).awaitAsync(options);
    }

    private Waiter<Database> waiter(String databaseId) {
        Objects.requireNonNull(databaseId, "databaseId");
        return Waiters.<Database>waiter(client)
                .resource("database " + databaseId)
                .fetch(() -> client.databases().get(databaseId))
                .fetchAsync(() -> client.async().databases().get(databaseId))
                .status(d -> d.status().asString())
                .success(DatabaseStatus.READY.asString()::equals)
                .failure(DatabaseStatus.FAILURE.asString()::equals)
                .build();
    }
}
