package dev.pdpkit.client.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.ConflictException;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectListParams;
import dev.pdpkit.client.services.GetOrCreateResult;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.junit.PrismaEmulatorExtension;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code client.async()...getOrCreate} against the real emulator: one resource per logicalId, whatever is lost. */
@ExtendWith(PrismaEmulatorExtension.class)
class AsyncGetOrCreateTest {
    PrismaEmulator emulator;
    private PrismaManagement client;

    @BeforeEach
    void newClient() {
        client = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(emulator.partnerServiceToken())
                .retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(10)).build())
                .build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    private static ProjectCreateParams project(String logicalId) {
        return ProjectCreateParams.builder().name("async").logicalId(logicalId).createDatabase(false).build();
    }

    @Test
    void createsOnceThenFindsTheSameProject() throws Exception {
        String logicalId = "async-" + UUID.randomUUID();

        GetOrCreateResult<CreatedProject, Project> first = await(client.async().projects().getOrCreate(
                project(logicalId)));
        GetOrCreateResult<CreatedProject, Project> again = await(client.async().projects().getOrCreate(
                project(logicalId)));

        assertThat(first.outcome()).isEqualTo(GetOrCreateResult.Outcome.CREATED);
        assertThat(first.created()).get().extracting(CreatedProject::id).isEqualTo(first.id());
        assertThat(again.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.found()).get().extracting(Project::name).isEqualTo("async");
        assertThat(client.projects().list(ProjectListParams.builder().logicalId(logicalId).build()).data())
                .hasSize(1);
    }

    @Test
    void aLostAnswerIsRetriedAndEndsWithTheOneProjectItMade() throws Exception {
        int before = emulator.projectCount();
        emulator.faults().nextRequest("POST /v1/projects").dropResponse();

        GetOrCreateResult<CreatedProject, Project> r = await(client.async().projects().getOrCreate(
                ProjectCreateParams.builder().name("lost").createDatabase(false).build()));

        assertThat(r.logicalId()).startsWith("pdpkit-");
        assertThat(r.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
        assertThat(emulator.projectCount()).isEqualTo(before + 1);
        assertThat(emulator.projectIds(emulator.partnerWorkspace().id())).contains(r.id());
    }

    @Test
    void aConflictAboutSomethingElseArrivesAsTheConflictException() {
        // A 409 while nothing answers to the logicalId: the lookup finds nothing, so the 409 is the answer.
        emulator.faults().nextRequests("POST /v1/projects", 4).respond(409);

        Throwable t = catchThrowable(() -> await(client.async().projects().getOrCreate(
                project("nobody-" + UUID.randomUUID()))));

        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConflictException.class);
    }

    @Test
    void aDatabaseIsFoundAfterALostAnswer() throws Exception {
        String projectId = await(client.async().projects().create(ProjectCreateParams.builder().name("holder")
                .createDatabase(false).build())).id();
        emulator.faults().nextRequest("POST /v1/databases").dropResponse();

        GetOrCreateResult<CreatedDatabase, Database> db = await(client.async().databases().getOrCreate(
                DatabaseCreateParams.builder().projectId(projectId).name("main")
                        .logicalId("db-" + UUID.randomUUID()).build()));

        assertThat(db.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
        assertThat(client.databases().get(db.id()).project().id()).isEqualTo(projectId);
    }

    @Test
    void cancellingStopsTheCreatesRetries() throws Exception {
        emulator.clearRequests();
        emulator.faults().nextRequests("POST /v1/projects", 1).respond(503).retryAfter(Duration.ofSeconds(1));

        CompletableFuture<GetOrCreateResult<CreatedProject, Project>> future = client.async().projects()
                .getOrCreate(project("cancel-" + UUID.randomUUID()));
        while (emulator.requests().stream().noneMatch(r -> r.method().equals("POST"))) {
            Thread.sleep(10);
        }
        future.cancel(true);
        Thread.sleep(1500); // past the Retry-After: a retry that was not stopped would have been sent

        assertThat(future).isCancelled();
        assertThat(emulator.requests().stream().filter(r -> r.method().equals("POST")).count()).isEqualTo(1);
    }
}
