package dev.pdpkit.client.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.DatabaseStatus;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.waiters.ResourceFailedException;
import dev.pdpkit.client.waiters.WaitOptions;
import dev.pdpkit.client.waiters.WaitProgress;
import dev.pdpkit.client.waiters.WaitTimeoutException;
import dev.pdpkit.client.waiters.Waiter;
import dev.pdpkit.client.waiters.Waiters;
import dev.pdpkit.emulator.PrismaEmulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous waiters against the emulator in real time (their pauses are scheduled, so fake time cannot drive
 * them): short provisioning delays and short poll intervals.
 */
class AsyncWaiterTest {
    private static PrismaEmulator emulator;
    private static PrismaManagement client;

    private final List<WaitProgress> polls = new CopyOnWriteArrayList<>();
    private String projectId;

    @BeforeAll
    static void start() {
        emulator = PrismaEmulator.builder().provisioningDelay(Duration.ofSeconds(2)).start();
        client = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(emulator.partnerServiceToken())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void project() {
        emulator.provisioningDelay(Duration.ofSeconds(2));
        projectId = client.projects().create(ProjectCreateParams.builder().name("async waits").createDatabase(false)
                .build()).id();
    }

    private WaitOptions options(Duration timeout) {
        return WaitOptions.builder().timeout(timeout).initialInterval(Duration.ofMillis(100))
                .maxInterval(Duration.ofMillis(200)).multiplier(2).listener(polls::add).build();
    }

    private CreatedDatabase newDatabase() {
        return client.databases().create(DatabaseCreateParams.builder().projectId(projectId).name("db").build());
    }

    @Test
    void waitsFromProvisioningToReadyWithoutBlocking() throws Exception {
        CreatedDatabase created = newDatabase();

        CompletableFuture<Database> ready = Waiters.database(client).untilReadyAsync(created.id(),
                options(Duration.ofSeconds(30)));

        assertThat(ready.get().status()).isEqualTo(DatabaseStatus.READY);
        assertThat(polls.get(0).status()).isEqualTo("provisioning");
        assertThat(polls.get(polls.size() - 1).status()).isEqualTo("ready");
        assertThat(polls).extracting(WaitProgress::attempt).doesNotHaveDuplicates();
    }

    @Test
    void aFailureStatusEndsTheWaitWithTheTypedException() {
        CreatedDatabase created = newDatabase();
        emulator.failDatabase(created.id(), true);

        assertThatThrownBy(() -> Waiters.database(client).untilReadyAsync(created.id(),
                options(Duration.ofSeconds(30))).get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ResourceFailedException.class,
                        e -> assertThat(e.status()).isEqualTo("failure"));
    }

    @Test
    void timesOutWithATypedException() {
        emulator.provisioningDelay(Duration.ofMinutes(10));
        CreatedDatabase created = newDatabase();

        assertThatThrownBy(() -> Waiters.database(client).untilReadyAsync(created.id(),
                options(Duration.ofMillis(500))).get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WaitTimeoutException.class);
        assertThat(polls).hasSizeGreaterThan(1);
    }

    @Test
    void aMissingDatabaseEndsTheWaitWithTheApiException() {
        assertThatThrownBy(() -> Waiters.database(client).untilReadyAsync("db_missing",
                options(Duration.ofSeconds(30))).get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(NotFoundException.class);
    }

    @Test
    void cancellingTheFutureStopsThePolling() throws Exception {
        emulator.provisioningDelay(Duration.ofMinutes(10));
        CreatedDatabase created = newDatabase();
        CompletableFuture<Database> waiting = Waiters.database(client).untilReadyAsync(created.id(),
                options(Duration.ofMinutes(5)));
        while (polls.size() < 2) {
            Thread.sleep(20);
        }

        waiting.cancel(true);
        int pollsAtCancel = polls.size();
        Thread.sleep(600); // three poll intervals: any poll still scheduled would have run by now

        assertThat(polls.size()).isLessThanOrEqualTo(pollsAtCancel + 1); // one poll may have been in flight
    }

    @Test
    void aWaiterWithoutAnAsynchronousFetchRefusesToWaitAsynchronously() {
        Waiter<Database> blockingOnly = Waiters.<Database>waiter(client).fetch(() -> null)
                .status(d -> null).success("ready"::equals).build();

        assertThatThrownBy(blockingOnly::awaitAsync).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fetchAsync");
    }
}
