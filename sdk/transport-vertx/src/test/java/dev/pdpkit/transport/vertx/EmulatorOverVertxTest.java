package dev.pdpkit.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.junit.PrismaEmulatorExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SDK over the Vert.x transport against the emulator, which checks every exchange against the OpenAPI document. */
@ExtendWith(PrismaEmulatorExtension.class)
class EmulatorOverVertxTest {
    private static VertxTransport transport;
    private static PrismaManagement client;

    @BeforeAll
    static void connect(PrismaEmulator emulator) {
        transport = VertxTransport.create();
        client = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(emulator.partnerServiceToken())
                .transport(transport).build();
    }

    @AfterAll
    static void close() {
        client.close();
        transport.close();
    }

    @Test
    void projectsAreCreatedReadListedAndDeletedBlocking() {
        CreatedProject created = client.projects().create(
                ProjectCreateParams.builder().name("vertx-sync").region(RegionId.US_EAST_1).build());

        assertThat(client.projects().get(created.id()).name()).isEqualTo("vertx-sync");
        assertThat(client.projects().list().data()).extracting(Project::id).contains(created.id());
        client.projects().delete(created.id());
        assertThat(catchThrowable(() -> client.projects().get(created.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void manyAsyncCallsInFlightAllComplete() throws Exception {
        List<CompletableFuture<CreatedProject>> creates = IntStream.range(0, 20)
                .mapToObj(i -> client.async().projects().create(
                        ProjectCreateParams.builder().name("vertx-async-" + i).region(RegionId.US_EAST_1).build()))
                .toList();
        CompletableFuture.allOf(creates.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

        List<CompletableFuture<Project>> reads = creates.stream()
                .map(c -> client.async().projects().get(c.join().id())).toList();
        assertThat(reads).extracting(f -> f.get(30, TimeUnit.SECONDS).name())
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "vertx-async-" + i).toList());

        String gone = creates.get(0).join().id();
        client.async().projects().delete(gone).get(30, TimeUnit.SECONDS);
        assertThat(catchThrowable(() -> client.async().projects().get(gone).join()))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NotFoundException.class);
    }
}
