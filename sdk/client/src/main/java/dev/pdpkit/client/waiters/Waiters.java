package dev.pdpkit.client.waiters;

import dev.pdpkit.client.PrismaManagement;
import java.util.Objects;

/** Entry points of the waiters, bound to a client's clock and sleeper. */
public final class Waiters {
    private Waiters() {
    }

    /**
     * @param client the client whose {@code databases().get} polls and whose clock and sleeper are used
     * @return waits for databases
     */
    public static DatabaseWaiter database(PrismaManagement client) {
        return new DatabaseWaiter(Objects.requireNonNull(client, "client"));
    }

    /**
     * Starts a general waiter that uses the client's clock and sleeper.
     *
     * @param client the client
     * @param <T> the resource type
     * @return a builder; set {@code fetch}, {@code status}, {@code success} and maybe {@code failure}
     */
    public static <T> Waiter.Builder<T> waiter(PrismaManagement client) {
        return Waiter.<T>builder().clock(client.clock()).sleeper(client.sleeper());
    }
}
