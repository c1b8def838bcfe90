package dev.pdpkit.client.waiters;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseStatus;
import java.util.Objects;

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
        Objects.requireNonNull(databaseId, "databaseId");
        return Waiters.<Database>waiter(client)
                .resource("database " + databaseId)
                .fetch(() -> client.databases().get(databaseId))
                .status(d -> d.status().asString())
                .success(DatabaseStatus.READY.asString()::equals)
                .failure(DatabaseStatus.FAILURE.asString()::equals)
                .build()
                .await(options);
    }
}
