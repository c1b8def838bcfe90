package dev.pdpkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.errors.InternalServerException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.errors.RateLimitException;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.services.GetOrCreateResult;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.SeededWorkspace;
import dev.pdpkit.emulator.junit.PrismaEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SDK's retries against faults the emulator injects on the wire. A recording {@link Sleeper} replaces the real
 * one, so back-offs and {@code Retry-After} waits are checked without waiting.
 */
@ExtendWith(PrismaEmulatorExtension.class)
class FaultInjectionE2ETest {
    PrismaEmulator emulator;
    SeededWorkspace workspace;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private PrismaManagement client;

    @BeforeEach
    void client() {
        client = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(workspace.serviceToken())
                .sleeper(sleeps::add).readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private CreatedProject project(String name) {
        return client.projects().create(ProjectCreateParams.builder().name(name).createDatabase(false).build());
    }

    @Test
    void a503WithRetryAfterIsRetriedAfterTheAskedWait() {
        emulator.faults().nextRequest("GET /v1/projects").respond(503).retryAfter(Duration.ofSeconds(7));
        long before = emulator.stats().requests("getV1Projects");

        assertThat(client.projects().list().data()).isNotNull();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(emulator.stats().requests("getV1Projects") - before).isEqualTo(2);
        assertThat(emulator.stats().faultsInjected()).isPositive();
    }

    @Test
    void aDroppedConnectionOnAGetIsRetriedWithBackOff() {
        CreatedProject created = project("dropped");
        emulator.faults().nextRequest("GET /v1/projects/{id}").dropConnection();

        Project read = client.projects().get(created.id());

        assertThat(read.id()).isEqualTo(created.id());
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void repeatedFaultsUseUpTheRetriesAndSurfaceAsTypedErrors() {
        emulator.faults().nextRequests("GET /v1/me", 3).respond(429).retryAfter(Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.me().get()).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2)));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2)); // 2 retries by default

        sleeps.clear();
        emulator.faults().nextRequests("GET /v1/me", 2).dropConnection();
        assertThatThrownBy(() -> client.me().get(RequestOptions.builder().maxRetries(1).build()))
                .isInstanceOf(PrismaNetworkException.class);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aSlowResponseTimesOutAndAGetIsRetriedAfterIt() {
        PrismaManagement impatient = client.withOptions(b -> b.readTimeout(Duration.ofMillis(300)));
        emulator.faults().nextRequest("GET /v1/me").delay(Duration.ofSeconds(2));
        assertThat(impatient.me().get().workspace().orElseThrow().id()).isEqualTo(workspace.id());
        assertThat(sleeps).hasSize(1);

        sleeps.clear();
        emulator.faults().nextRequests("GET /v1/me", 2).delay(Duration.ofSeconds(2));
        assertThatThrownBy(() -> impatient.me().get(RequestOptions.builder().maxRetries(1).build()))
                .isInstanceOf(PrismaTimeoutException.class);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanAllowedIsNotWaitedFor() {
        emulator.faults().nextRequest("GET /v1/me").respond(503).retryAfter(Duration.ofMinutes(10));
        assertThatThrownBy(() -> client.me().get()).isInstanceOfSatisfying(InternalServerException.class,
                e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aPlainCreateIsNotRepeatedButACreateWithALogicalIdIs() {
        int projects = emulator.projectIds(workspace.id()).size();
        emulator.faults().nextRequest("POST /v1/projects").respond(503).retryAfter(Duration.ofSeconds(1));
        assertThatThrownBy(() -> project("plain")).isInstanceOf(InternalServerException.class);
        assertThat(sleeps).isEmpty();
        assertThat(emulator.projectIds(workspace.id())).hasSize(projects);

        emulator.faults().nextRequest("POST /v1/projects").respond(503).retryAfter(Duration.ofSeconds(1));
        CreatedProject created = client.projects().create(ProjectCreateParams.builder().name("keyed")
                .logicalId("keyed-project").createDatabase(false).build());
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(emulator.projectIds(workspace.id())).hasSize(projects + 1).contains(created.id());
    }

    @Test
    void getOrCreateSurvivesALostAnswerWithoutCreatingTwice() {
        int projects = emulator.projectIds(workspace.id()).size();
        // the server creates the project, but the answer never arrives
        emulator.faults().nextRequest("POST /v1/projects").dropResponse();

        GetOrCreateResult<CreatedProject, Project> result = client.projects().getOrCreate(
                ProjectCreateParams.builder().name("exactly-once").logicalId("exactly-once").createDatabase(false)
                        .build());

        assertThat(result.wasCreated()).isFalse();
        assertThat(result.found()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("exactly-once"));
        assertThat(emulator.projectIds(workspace.id())).hasSize(projects + 1).contains(result.id());
    }
}
