package dev.pdpkit.client.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.model.BackupSource;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.DatabaseRestoreParams;
import dev.pdpkit.client.model.DatabaseStatus;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.RestoredDatabase;
import dev.pdpkit.client.testing.FakeTime;
import dev.pdpkit.client.waiters.ResourceFailedException;
import dev.pdpkit.client.waiters.WaitOptions;
import dev.pdpkit.client.waiters.WaitProgress;
import dev.pdpkit.client.waiters.WaitTimeoutException;
import dev.pdpkit.client.waiters.Waiter;
import dev.pdpkit.client.waiters.Waiters;
import dev.pdpkit.emulator.PrismaEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Waiters against the emulator, whose clock is the test's fake time: the client's sleeper advances it, so
 * {@code provisioning} turns {@code ready} without any real waiting.
 */
class WaiterTest {
    private static final Duration PROVISIONING = Duration.ofSeconds(30);
    private static FakeTime time;
    private static PrismaEmulator emulator;
    private static PrismaManagement client;

    private String projectId;
    private final List<WaitProgress> polls = new ArrayList<>();

    @BeforeAll
    static void start() {
        time = new FakeTime();
        emulator = PrismaEmulator.builder().clock(time).provisioningDelay(PROVISIONING).start();
        client = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(emulator.partnerServiceToken())
                .clock(time).sleeper(time).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void project() {
        emulator.provisioningDelay(PROVISIONING);
        emulator.restoreDelay(PROVISIONING);
        projectId = client.projects().create(ProjectCreateParams.builder().name("waits").createDatabase(false)
                .build()).id();
    }

    private WaitOptions options(Duration timeout) {
        return WaitOptions.builder().timeout(timeout).initialInterval(Duration.ofSeconds(2))
                .maxInterval(Duration.ofSeconds(10)).multiplier(2).listener(polls::add).build();
    }

    @Test
    void waitsFromProvisioningToReadyWithoutRealWaiting() {
        CreatedDatabase created = client.databases().create(DatabaseCreateParams.builder().projectId(projectId)
                .name("main").build());
        assertThat(created.status()).isEqualTo(DatabaseStatus.PROVISIONING);
        long realStart = System.nanoTime();
        Duration sleptBefore = time.totalSlept();

        Database ready = Waiters.database(client).untilReady(created.id(), options(Duration.ofMinutes(5)));

        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        assertThat(ready.id()).isEqualTo(created.id());
        assertThat(polls).extracting(WaitProgress::status).first().isEqualTo("provisioning");
        assertThat(polls).extracting(WaitProgress::status).last().isEqualTo("ready");
        assertThat(polls).extracting(WaitProgress::attempt)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, polls.size()).boxed().toList());
        assertThat(polls.get(polls.size() - 1).elapsed()).isGreaterThanOrEqualTo(PROVISIONING);
        // 2 s, 4 s, 8 s, then capped at 10 s
        assertThat(time.sleeps().subList(time.sleeps().size() - (polls.size() - 1), time.sleeps().size()))
                .startsWith(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(time.totalSlept().minus(sleptBefore)).isGreaterThanOrEqualTo(PROVISIONING);
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void failsFastWhenTheDatabaseReportsFailure() {
        CreatedDatabase created = client.databases().create(DatabaseCreateParams.builder().projectId(projectId)
                .name("doomed").build());
        emulator.failDatabase(created.id(), true);

        assertThatThrownBy(() -> Waiters.database(client).untilReady(created.id(), options(Duration.ofMinutes(5))))
                .isInstanceOfSatisfying(ResourceFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo("failure");
                    assertThat(e.resource()).isEqualTo("database " + created.id());
                });
        assertThat(polls).hasSize(1);
    }

    @Test
    void timesOutWithATypedExceptionInFakeTime() {
        emulator.provisioningDelay(Duration.ofHours(2));
        CreatedDatabase created = client.databases().create(DatabaseCreateParams.builder().projectId(projectId)
                .name("slow").build());
        Duration sleptBefore = time.totalSlept();
        long realStart = System.nanoTime();

        assertThatThrownBy(() -> Waiters.database(client).untilReady(created.id(), options(Duration.ofMinutes(1))))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.lastStatus()).isEqualTo("provisioning");
                    assertThat(e.attempts()).isEqualTo(polls.size());
                    assertThat(e.elapsed()).isEqualTo(Duration.ofMinutes(1));
                });
        // the last sleep is cut to the deadline: exactly the timeout was waited, in fake time only
        assertThat(time.totalSlept().minus(sleptBefore)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(10));
        assertThat(polls).allSatisfy(p -> assertThat(p.status()).isEqualTo("provisioning"));
    }

    @Test
    void aMissingDatabaseEndsTheWaitWithTheApiException() {
        assertThatThrownBy(() -> Waiters.database(client).untilReady("db_does_not_exist",
                options(Duration.ofMinutes(1)))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void waitsAfterARestoreFromRecoveringToReady() {
        CreatedDatabase source = client.databases().create(DatabaseCreateParams.builder().projectId(projectId)
                .name("source").build());
        Waiters.database(client).untilReady(source.id(), options(Duration.ofMinutes(5)));
        String backupId = emulator.addBackup(source.id(), time.instant().minus(Duration.ofHours(1)));
        CreatedDatabase target = client.databases().create(DatabaseCreateParams.builder().projectId(projectId)
                .name("target").build());
        Waiters.database(client).untilReady(target.id(), options(Duration.ofMinutes(5)));
        polls.clear();

        RestoredDatabase restored = client.databases().restore(DatabaseRestoreParams.builder()
                .targetDatabaseId(target.id())
                .source(BackupSource.builder().databaseId(source.id()).backupId(backupId).build())
                .build());
        assertThat(restored.status()).isEqualTo(DatabaseStatus.RECOVERING);

        Database ready = Waiters.database(client).untilReady(restored.id(), options(Duration.ofMinutes(5)));
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        assertThat(polls).extracting(WaitProgress::status).first().isEqualTo("recovering");
        assertThat(polls).extracting(WaitProgress::status).last().isEqualTo("ready");
    }

    @Test
    void theGeneralWaiterServesAnyStatusAndUsesTheClientsTime() {
        AtomicInteger reads = new AtomicInteger();
        List<String> statuses = List.of("queued", "running", "running", "done");
        Waiter<String> waiter = Waiters.<String>waiter(client)
                .resource("job 7")
                .fetch(() -> statuses.get(Math.min(reads.getAndIncrement(), statuses.size() - 1)))
                .status(s -> s)
                .success("done"::equals)
                .failure("error"::equals)
                .build();
        Duration sleptBefore = time.totalSlept();

        assertThat(waiter.await(options(Duration.ofMinutes(1)))).isEqualTo("done");
        assertThat(polls).extracting(WaitProgress::status).containsExactly("queued", "running", "running", "done");
        assertThat(polls).extracting(WaitProgress::elapsed).containsExactly(Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofSeconds(6), Duration.ofSeconds(14));
        assertThat(time.totalSlept().minus(sleptBefore)).isEqualTo(Duration.ofSeconds(14));
    }
}
