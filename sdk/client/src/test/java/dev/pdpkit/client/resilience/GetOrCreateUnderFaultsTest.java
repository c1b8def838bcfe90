package dev.pdpkit.client.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.ConflictException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.model.Bucket;
import dev.pdpkit.client.model.BucketCreateParams;
import dev.pdpkit.client.model.BucketListParams;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.DatabaseListParams;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectListParams;
import dev.pdpkit.client.services.GetOrCreateResult;
import dev.pdpkit.client.testing.FakeTime;
import dev.pdpkit.emulator.PrismaEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Creates under every fault, against the real emulator, with fake time (no real back-off): {@code getOrCreate} never
 * makes a duplicate and always ends with the resource; a plain create is never repeated once it may have arrived.
 */
class GetOrCreateUnderFaultsTest {
    private static final int N = 3;
    private static PrismaEmulator emulator;

    private FakeTime time;
    private PrismaManagement client;

    /** The faults, each armed for the next create only. */
    enum Fault {
        SERVICE_UNAVAILABLE_503(f -> f.respond(503)),
        INTERNAL_ERROR_500(f -> f.respond(500)),
        RATE_LIMITED_429_RETRY_AFTER(f -> f.respond(429).retryAfter(Duration.ofSeconds(3))),
        CONNECTION_DROPPED_BEFORE_PROCESSING(dev.pdpkit.emulator.FaultRule::dropConnection),
        RESPONSE_LOST_AFTER_CREATE(dev.pdpkit.emulator.FaultRule::dropResponse);

        final Consumer<dev.pdpkit.emulator.FaultRule> arm;

        Fault(Consumer<dev.pdpkit.emulator.FaultRule> arm) {
            this.arm = arm;
        }

        boolean appliedTheCreate() {
            return this == RESPONSE_LOST_AFTER_CREATE;
        }
    }

    @BeforeAll
    static void startEmulator() {
        emulator = PrismaEmulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newClient() {
        emulator.faults().clear();
        time = new FakeTime();
        client = PrismaManagement.builder()
                .baseUrl(emulator.baseUrl())
                .serviceToken(emulator.partnerServiceToken())
                .retryPolicy(RetryPolicy.builder().maxRetries(3).build())
                .clock(time)
                .sleeper(time)
                .build();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void getOrCreateMakesExactlyOneProjectPerLogicalIdUnderEveryFault(Fault fault) {
        int before = emulator.projectCount();
        List<GetOrCreateResult<CreatedProject, Project>> results = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            String logicalId = "goc-" + fault.name().toLowerCase() + "-" + i + "-" + UUID.randomUUID();
            fault.arm.accept(emulator.faults().nextRequests("POST /v1/projects", 1));
            results.add(client.projects().getOrCreate(ProjectCreateParams.builder()
                    .name("p" + i).logicalId(logicalId).createDatabase(false).build()));
        }

        assertThat(emulator.projectCount()).isEqualTo(before + N);
        assertThat(emulator.faults().rules()).isEmpty(); // every fault was hit
        for (GetOrCreateResult<CreatedProject, Project> r : results) {
            List<Project> withId = client.projects().list(ProjectListParams.builder().logicalId(r.logicalId()).build())
                    .data();
            assertThat(withId).hasSize(1);
            // the result names the one project the emulator holds for the logicalId
            assertThat(r.id()).isEqualTo(withId.get(0).id());
            if (fault.appliedTheCreate()) {
                assertThat(r.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
                assertThat(r.found()).get().extracting(Project::id).isEqualTo(withId.get(0).id());
                assertThat(r.created()).isEmpty();
            } else {
                assertThat(r.outcome()).isEqualTo(GetOrCreateResult.Outcome.CREATED);
                assertThat(r.created()).get().extracting(CreatedProject::id).isEqualTo(withId.get(0).id());
            }
        }
        if (fault == Fault.RATE_LIMITED_429_RETRY_AFTER) {
            assertThat(time.sleeps()).containsOnly(Duration.ofSeconds(3));
        }
    }

    @Test
    void aLostAnswerWithAGeneratedLogicalIdStillEndsWithTheOneProject() {
        int before = emulator.projectCount();
        emulator.faults().nextRequest("POST /v1/projects").dropResponse();

        GetOrCreateResult<CreatedProject, Project> r = client.projects()
                .getOrCreate(ProjectCreateParams.builder().name("generated").createDatabase(false).build());

        assertThat(r.logicalId()).startsWith("pdpkit-");
        assertThat(r.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
        assertThat(emulator.projectCount()).isEqualTo(before + 1);
        assertThat(emulator.projectIds(emulator.partnerWorkspace().id())).contains(r.id());

        // calling again with the same logicalId is a lookup, not a second project
        GetOrCreateResult<CreatedProject, Project> again = client.projects().getOrCreate(ProjectCreateParams.builder()
                .name("generated").logicalId(r.logicalId()).createDatabase(false).build());
        assertThat(again.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
        assertThat(again.id()).isEqualTo(r.id());
        assertThat(emulator.projectCount()).isEqualTo(before + 1);
    }

    @Test
    void aPlainCreateIsNotRepeatedAfterItsAnswerWasLost() {
        int before = emulator.projectCount();
        emulator.clearRequests();
        emulator.faults().nextRequest("POST /v1/projects").dropResponse();

        assertThatThrownBy(() -> client.projects().create(ProjectCreateParams.builder().name("plain")
                .createDatabase(false).build()))
                .isInstanceOf(PrismaNetworkException.class)
                .satisfies(e -> assertThat(((PrismaNetworkException) e).requestMayHaveBeenSent()).isTrue());

        assertThat(emulator.projectCount()).isEqualTo(before + 1);
        assertThat(posts("/v1/projects")).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aPlainCreateWithALogicalIdIsRetriedAndThenReportsTheConflict() {
        // Documented behaviour: the retry is safe (no duplicate) but a plain create surfaces the 409.
        int before = emulator.projectCount();
        emulator.clearRequests();
        emulator.faults().nextRequest("POST /v1/projects").dropResponse();

        assertThatThrownBy(() -> client.projects().create(ProjectCreateParams.builder().name("plain-lid")
                .logicalId("plain-" + UUID.randomUUID()).createDatabase(false).build()))
                .isInstanceOf(ConflictException.class);

        assertThat(emulator.projectCount()).isEqualTo(before + 1);
        assertThat(posts("/v1/projects")).isEqualTo(2);
    }

    @Test
    void databasesAndBucketsAreFoundAfterALostAnswer() {
        String projectId = client.projects().create(ProjectCreateParams.builder().name("holder")
                .createDatabase(false).build()).id();

        String dbLogicalId = "db-" + UUID.randomUUID();
        emulator.faults().nextRequest("POST /v1/databases").dropResponse();
        GetOrCreateResult<CreatedDatabase, Database> db = client.databases().getOrCreate(DatabaseCreateParams.builder()
                .projectId(projectId).name("main").logicalId(dbLogicalId).build());
        assertThat(db.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
        Page<Database> dbs = client.databases().list(DatabaseListParams.builder().projectId(projectId).build());
        assertThat(dbs.data()).extracting(Database::id).containsExactly(db.id());

        String bucketLogicalId = "bucket-" + UUID.randomUUID();
        emulator.faults().nextRequests("POST /v1/buckets", 1).respond(503);
        GetOrCreateResult<Bucket, Bucket> created = client.buckets().getOrCreate(BucketCreateParams.builder()
                .projectId(projectId).logicalId(bucketLogicalId).build());
        assertThat(created.outcome()).isEqualTo(GetOrCreateResult.Outcome.CREATED);
        emulator.faults().nextRequest("POST /v1/buckets").dropResponse();
        String other = "bucket-" + UUID.randomUUID();
        GetOrCreateResult<Bucket, Bucket> found = client.buckets().getOrCreate(BucketCreateParams.builder()
                .projectId(projectId).logicalId(other).build());
        assertThat(found.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
        // repeating the first one finds it too
        GetOrCreateResult<Bucket, Bucket> repeat = client.buckets().getOrCreate(BucketCreateParams.builder()
                .projectId(projectId).logicalId(bucketLogicalId).build());
        assertThat(repeat.outcome()).isEqualTo(GetOrCreateResult.Outcome.FOUND);
        assertThat(repeat.id()).isEqualTo(created.id());
        assertThat(client.buckets().list(BucketListParams.builder().projectId(projectId).build()).data())
                .extracting(Bucket::id).containsExactlyInAnyOrder(created.id(), found.id());
    }

    private static long posts(String path) {
        return emulator.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).count();
    }
}
