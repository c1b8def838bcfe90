package dev.pdpkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.BadRequestException;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PermissionDeniedException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.model.AccelerateRegion;
import dev.pdpkit.client.model.Backup;
import dev.pdpkit.client.model.BackupSource;
import dev.pdpkit.client.model.Bucket;
import dev.pdpkit.client.model.BucketCreateParams;
import dev.pdpkit.client.model.BucketKey;
import dev.pdpkit.client.model.BucketKeyCreateParams;
import dev.pdpkit.client.model.BucketKeyRole;
import dev.pdpkit.client.model.BucketUpdateParams;
import dev.pdpkit.client.model.Connection;
import dev.pdpkit.client.model.ConnectionCreateParams;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.CreateRegionId;
import dev.pdpkit.client.model.CreatedBucketKey;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.CreatedProjectDatabase;
import dev.pdpkit.client.model.CreatedServiceToken;
import dev.pdpkit.client.model.CredentialType;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseConnectionCreateParams;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.DatabaseGetUsageParams;
import dev.pdpkit.client.model.DatabaseListBackupsResponse;
import dev.pdpkit.client.model.DatabaseRestoreParams;
import dev.pdpkit.client.model.DatabaseStatus;
import dev.pdpkit.client.model.DatabaseUpdateParams;
import dev.pdpkit.client.model.DatabaseUsage;
import dev.pdpkit.client.model.Integration;
import dev.pdpkit.client.model.IntegrationListParams;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.model.PostgresRegion;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectDatabaseCreateParams;
import dev.pdpkit.client.model.ProjectUpdateParams;
import dev.pdpkit.client.model.Region;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.client.model.RestoredDatabase;
import dev.pdpkit.client.model.ServiceToken;
import dev.pdpkit.client.model.Subscription;
import dev.pdpkit.client.model.Workspace;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.SeededWorkspace;
import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.junit.EmulatorWorkspace;
import dev.pdpkit.emulator.junit.PrismaEmulatorExtension;
import dev.pdpkit.client.services.GetOrCreateResult;
import dev.pdpkit.client.waiters.ResourceFailedException;
import dev.pdpkit.client.waiters.WaitOptions;
import dev.pdpkit.client.waiters.Waiters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every resource group of the Management API through the public SDK, authenticated with service tokens. The
 * emulator validates every request and response against the OpenAPI document; the extension fails the class if a
 * response violated it.
 */
@ExtendWith(PrismaEmulatorExtension.class)
class ServiceTokenE2ETest {
    PrismaEmulator emulator;
    SeededWorkspace partnerWorkspace;
    @EmulatorWorkspace(PrismaEmulator.USER_WORKSPACE)
    SeededWorkspace userWorkspace;
    PrismaManagement partner;
    @EmulatorWorkspace(PrismaEmulator.USER_WORKSPACE)
    PrismaManagement user;

    private PrismaManagement clientWithToken(String token) {
        return PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(token).maxRetries(0).build();
    }

    private static <T> List<T> all(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false).collect(Collectors.toList());
    }

    @Test
    void meAndWorkspacesWithSubscription() {
        Me me = partner.me().get();
        assertThat(me.credential().type()).isEqualTo(CredentialType.SERVICE_TOKEN);
        assertThat(me.workspace()).hasValueSatisfying(w -> {
            assertThat(w.id()).isEqualTo(partnerWorkspace.id());
            assertThat(w.name()).isEqualTo(PrismaEmulator.PARTNER_WORKSPACE);
        });

        List<Workspace> workspaces = all(partner.workspaces().list().autoPager());
        assertThat(workspaces).extracting(Workspace::id).contains(partnerWorkspace.id())
                .doesNotContain(userWorkspace.id());
        Workspace workspace = partner.workspaces().get(partnerWorkspace.id());
        assertThat(workspace.name()).isEqualTo(PrismaEmulator.PARTNER_WORKSPACE);
        assertThat(workspace.url()).startsWith(emulator.baseUrl());

        Subscription subscription = partner.workspaces().getSubscription(partnerWorkspace.id());
        assertThat(subscription.planName()).isEqualTo("Pro");
        assertThat(subscription.usageBlocked()).isFalse();

        // another workspace's resources do not exist for this token
        assertThatThrownBy(() -> partner.workspaces().get(userWorkspace.id())).isInstanceOf(NotFoundException.class);
        assertThat(user.me().get().workspace().orElseThrow().id()).isEqualTo(userWorkspace.id());
    }

    @Test
    void serviceTokensCreateListUseAndDelete() {
        CreatedServiceToken created = partner.workspaces().serviceTokens().create(
                WorkspaceServiceTokenCreateParams.builder().workspaceId(partnerWorkspace.id()).name("ci").build());
        assertThat(created.value()).isNotBlank();
        assertThat(created.name()).isEqualTo("ci");

        List<ServiceToken> tokens = all(partner.workspaces().serviceTokens().list(partnerWorkspace.id()).autoPager());
        assertThat(tokens).extracting(ServiceToken::id).contains(created.id(), partnerWorkspace.serviceTokenId());
        assertThat(tokens.toString()).doesNotContain(created.value());

        try (PrismaManagement ci = clientWithToken(created.value())) {
            assertThat(ci.me().get().workspace().orElseThrow().id()).isEqualTo(partnerWorkspace.id());
            partner.workspaces().serviceTokens().delete(partnerWorkspace.id(), created.id());
            assertThatThrownBy(() -> ci.me().get()).isInstanceOf(UnauthorizedException.class);
        }
        assertThat(all(partner.workspaces().serviceTokens().list(partnerWorkspace.id()).autoPager()))
                .extracting(ServiceToken::id).doesNotContain(created.id());
        assertThat(emulator.stats().count(ApiStats.SERVICE_TOKENS_DELETED)).isEqualTo(1);
    }

    @Test
    void integrationsListGetDeleteAndRevoke() {
        String ws = userWorkspace.id();
        String publicToken = emulator.issueAccessToken(ws, PrismaEmulator.PUBLIC_CLIENT_ID);
        String partnerAppToken = emulator.issueAccessToken(ws, PrismaEmulator.PARTNER_CLIENT_ID);

        List<Integration> viaWorkspace = all(user.workspaces().integrations().list(ws).autoPager());
        assertThat(viaWorkspace).extracting(i -> i.client().id())
                .contains(PrismaEmulator.PUBLIC_CLIENT_ID, PrismaEmulator.PARTNER_CLIENT_ID);
        List<Integration> viaQuery = all(user.integrations().list(IntegrationListParams.builder().workspaceId(ws)
                .build()).autoPager());
        assertThat(viaQuery).extracting(Integration::id)
                .containsExactlyInAnyOrderElementsOf(viaWorkspace.stream().map(Integration::id).toList());
        // a workspace's integrations are invisible to another workspace's token
        assertThat(all(partner.integrations().list(IntegrationListParams.builder().workspaceId(ws).build())
                .autoPager()))
                .isEmpty();

        Integration publicApp = viaWorkspace.stream()
                .filter(i -> i.client().id().equals(PrismaEmulator.PUBLIC_CLIENT_ID)).findFirst().orElseThrow();
        assertThat(user.integrations().get(publicApp.id()).scopes()).contains("workspace:admin");
        try (PrismaManagement app = clientWithToken(publicToken);
             PrismaManagement partnerApp = clientWithToken(partnerAppToken)) {
            assertThat(app.me().get().credential().type()).isEqualTo(CredentialType.OAUTH);
            user.integrations().delete(publicApp.id());
            assertThatThrownBy(() -> user.integrations().get(publicApp.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> app.me().get()).isInstanceOf(UnauthorizedException.class);

            partnerApp.me().get();
            user.workspaces().integrations().revoke(ws, PrismaEmulator.PARTNER_CLIENT_ID);
            assertThatThrownBy(() -> partnerApp.me().get()).isInstanceOf(UnauthorizedException.class);
        }
        assertThat(all(user.workspaces().integrations().list(ws).autoPager())).isEmpty();
    }

    @Test
    void projectsCreateGetUpdateListDatabasesAndDelete() {
        CreatedProject created = partner.projects().create(ProjectCreateParams.builder().name("e2e-projects")
                .region(RegionId.EU_CENTRAL_1).build());
        assertThat(created.workspace().id()).isEqualTo(partnerWorkspace.id());
        assertThat(created.database()).hasValueSatisfying(d -> {
            assertThat(d.isDefault()).isTrue();
            assertThat(d.region().id()).isEqualTo("eu-central-1");
            assertThat(d.connections()).isNotEmpty();
        });

        Project renamed = partner.projects().update(ProjectUpdateParams.builder().id(created.id())
                .name("e2e-projects-renamed").build());
        assertThat(renamed.name()).isEqualTo("e2e-projects-renamed");
        assertThat(partner.projects().get(created.id()).name()).isEqualTo("e2e-projects-renamed");
        assertThat(all(partner.projects().list().autoPager())).extracting(Project::id).contains(created.id());
        assertThat(all(user.projects().list().autoPager())).extracting(Project::id).doesNotContain(created.id());
        assertThatThrownBy(() -> user.projects().get(created.id())).isInstanceOf(NotFoundException.class);

        CreatedProjectDatabase second = partner.projects().databases().create(ProjectDatabaseCreateParams.builder()
                .projectId(created.id()).name("analytics").region(CreateRegionId.US_WEST_1).build());
        assertThat(second.project().id()).isEqualTo(created.id());
        assertThat(second.name()).isEqualTo("analytics");
        assertThat(all(partner.projects().databases().list(created.id()).autoPager())).extracting(Database::id)
                .containsExactlyInAnyOrder(created.database().orElseThrow().id(), second.id());

        // a project goes only after its extra databases; its default database goes with it
        assertThatThrownBy(() -> partner.projects().delete(created.id())).isInstanceOfSatisfying(
                BadRequestException.class, e -> assertThat(e.errorMessage().orElseThrow()).contains(second.id()));
        partner.databases().delete(second.id());
        partner.projects().delete(created.id());
        assertThatThrownBy(() -> partner.projects().get(created.id())).isInstanceOfSatisfying(
                NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> partner.databases().get(created.database().orElseThrow().id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void databasesWithConnectionsBackupsRestoreAndUsage() {
        CreatedProject project = partner.projects().create(ProjectCreateParams.builder().name("e2e-databases")
                .createDatabase(false).build());
        assertThat(project.database()).isEmpty();

        CreatedDatabase created = partner.databases().create(DatabaseCreateParams.builder().projectId(project.id())
                .name("main").region(CreateRegionId.US_EAST_1).isDefault(true).build());
        assertThat(created.status().asString()).isIn("provisioning", "ready");
        assertThat(created.connections()).isNotEmpty();
        Database ready = awaitReady(created.id());
        assertThat(ready.project().id()).isEqualTo(project.id());
        assertThat(all(partner.databases().list().autoPager())).extracting(Database::id).contains(created.id());

        Database renamed = partner.databases().update(DatabaseUpdateParams.builder().databaseId(created.id())
                .name("main-renamed").build());
        assertThat(renamed.name()).isEqualTo("main-renamed");

        ConnectionWithSecrets connection = partner.databases().connections().create(
                DatabaseConnectionCreateParams.builder().databaseId(created.id()).name("app").build());
        assertThat(directUrl(connection)).startsWith("postgres://");
        List<Connection> connections = all(partner.databases().connections().list(created.id()).autoPager());
        assertThat(connections).extracting(Connection::name).contains("app");
        assertThat(connections.toString()).doesNotContain(password(connection));

        DatabaseListBackupsResponse backups = partner.databases().listBackups(created.id());
        assertThat(backups.data()).isNotEmpty();
        String older = emulator.addBackup(created.id(), Instant.now().minus(1, ChronoUnit.DAYS));
        assertThat(partner.databases().listBackups(created.id()).data()).extracting(Backup::id).contains(older);

        RestoredDatabase restored = partner.databases().restore(DatabaseRestoreParams.builder()
                .targetDatabaseId(created.id())
                .source(BackupSource.builder().databaseId(created.id()).backupId(older).build()).build());
        assertThat(restored.status().asString()).isIn("recovering", "ready");
        assertThat(restored.source().backupId()).isEqualTo(older);
        awaitReady(created.id());
        assertThat(partner.connections().get(connection.id()).id()).isEqualTo(connection.id());
        assertThat(emulator.stats().count(ApiStats.DATABASES_RESTORED)).isGreaterThanOrEqualTo(1);

        DatabaseUsage usage = partner.databases().getUsage(DatabaseGetUsageParams.builder().databaseId(created.id())
                .startDate("2026-01-01").endDate("2099-01-01").build());
        assertThat(usage.period()).isNotNull();
        assertThat(usage.metrics()).isNotNull();
        assertThat(partner.databases().getUsage(created.id()).generatedAt()).isNotNull();
        assertThatThrownBy(() -> partner.databases().getUsage(DatabaseGetUsageParams.builder()
                .databaseId(created.id()).startDate("yesterday").build())).isInstanceOf(BadRequestException.class);

        // the default database goes only with its project
        assertThatThrownBy(() -> partner.databases().delete(created.id())).isInstanceOfSatisfying(
                PermissionDeniedException.class, e -> assertThat(e.errorCode()).hasValue(
                        "cannot_delete_default_database"));
        partner.projects().delete(project.id());
        assertThatThrownBy(() -> partner.databases().get(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void connectionsCreateGetListRotateAndDelete() {
        CreatedProject project = partner.projects().create(ProjectCreateParams.builder().name("e2e-connections")
                .build());
        String databaseId = project.database().orElseThrow().id();
        awaitReady(databaseId);

        ConnectionWithSecrets created = partner.connections().create(ConnectionCreateParams.builder()
                .databaseId(databaseId).name("worker").build());
        String password = password(created);
        assertThat(created.endpoints().pooled().orElseThrow().connectionString()).contains(":" + password + "@");
        assertThat(created.endpoints().accelerate().orElseThrow().connectionString()).contains("api_key=");
        Connection read = partner.connections().get(created.id());
        assertThat(read.name()).isEqualTo("worker");
        assertThat(read.toString()).doesNotContain(password);
        assertThat(read.endpoints().direct()).isPresent();
        assertThat(all(partner.connections().list().autoPager())).extracting(Connection::id).contains(created.id());

        ConnectionWithSecrets rotated = partner.connections().rotate(created.id());
        assertThat(rotated.id()).isEqualTo(created.id());
        assertThat(password(rotated)).isNotEqualTo(password);
        assertThat(directUrl(rotated)).isNotEqualTo(directUrl(created));
        assertThat(emulator.stats().count(ApiStats.CONNECTIONS_ROTATED)).isGreaterThanOrEqualTo(1);

        assertThatThrownBy(() -> user.connections().get(created.id())).isInstanceOf(NotFoundException.class);
        partner.connections().delete(created.id());
        assertThatThrownBy(() -> partner.connections().get(created.id())).isInstanceOf(NotFoundException.class);
        partner.projects().delete(project.id());
    }

    @Test
    void regionsOfAllProductsPostgresAndAccelerate() {
        List<Region> regions = partner.regions().list();
        assertThat(regions).extracting(Region::id).contains("us-east-1");
        assertThat(regions).extracting(r -> r.product().asString()).contains("postgres", "accelerate");

        List<PostgresRegion> postgres = partner.regions().listPostgres();
        assertThat(postgres).extracting(PostgresRegion::id).contains("us-east-1", "eu-central-1");
        assertThat(postgres).allSatisfy(r -> assertThat(r.status()).isNotNull());

        List<AccelerateRegion> accelerate = partner.regions().listAccelerate();
        assertThat(accelerate).isNotEmpty();
        assertThat(accelerate).allSatisfy(r -> assertThat(r.name()).isNotBlank());
    }

    @Test
    void bucketsAndTheirKeys() {
        CreatedProject project = partner.projects().create(ProjectCreateParams.builder().name("e2e-buckets")
                .createDatabase(false).build());
        Bucket bucket = partner.buckets().create(BucketCreateParams.builder().projectId(project.id())
                .name("assets").build());
        assertThat(bucket.project().id()).isEqualTo(project.id());
        assertThat(partner.buckets().get(bucket.id()).name()).isEqualTo(bucket.name());
        assertThat(all(partner.buckets().list().autoPager())).extracting(Bucket::id).contains(bucket.id());
        assertThat(all(user.buckets().list().autoPager())).extracting(Bucket::id).doesNotContain(bucket.id());

        Bucket updated = partner.buckets().update(BucketUpdateParams.builder().bucketId(bucket.id())
                .displayName("public-assets").build());
        assertThat(updated.id()).isEqualTo(bucket.id());

        CreatedBucketKey key = partner.buckets().keys().create(BucketKeyCreateParams.builder().bucketId(bucket.id())
                .name("reader").role(BucketKeyRole.READ).build());
        assertThat(key.secretAccessKey()).isNotBlank();
        assertThat(key.accessKeyId()).isNotBlank();
        assertThat(key.role()).isEqualTo(BucketKeyRole.READ);
        List<BucketKey> keys = all(partner.buckets().keys().list(bucket.id()).autoPager());
        assertThat(keys).extracting(BucketKey::id).contains(key.id());
        assertThat(keys.toString()).doesNotContain(key.secretAccessKey());

        partner.buckets().keys().delete(bucket.id(), key.id());
        assertThat(all(partner.buckets().keys().list(bucket.id()).autoPager())).extracting(BucketKey::id)
                .doesNotContain(key.id());
        partner.buckets().delete(bucket.id());
        assertThatThrownBy(() -> partner.buckets().get(bucket.id())).isInstanceOf(NotFoundException.class);
        partner.projects().delete(project.id());
    }

    @Test
    void getOrCreateCreatesOncePerLogicalId() {
        ProjectCreateParams projectParams = ProjectCreateParams.builder().name("e2e-idempotent")
                .logicalId("e2e-idempotent").createDatabase(false).build();
        GetOrCreateResult<CreatedProject, Project> first = partner.projects().getOrCreate(projectParams);
        GetOrCreateResult<CreatedProject, Project> second = partner.projects().getOrCreate(projectParams);
        assertThat(first.wasCreated()).isTrue();
        assertThat(second.wasCreated()).isFalse();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.found()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("e2e-idempotent"));

        DatabaseCreateParams databaseParams = DatabaseCreateParams.builder().projectId(first.id()).name("db")
                .logicalId("e2e-idempotent-db").build();
        GetOrCreateResult<CreatedDatabase, Database> db1 = partner.databases().getOrCreate(databaseParams);
        GetOrCreateResult<CreatedDatabase, Database> db2 = partner.databases().getOrCreate(databaseParams);
        assertThat(db1.wasCreated()).isTrue();
        assertThat(db2.wasCreated()).isFalse();
        assertThat(db2.id()).isEqualTo(db1.id());

        BucketCreateParams bucketParams = BucketCreateParams.builder().projectId(first.id()).name("files")
                .logicalId("e2e-idempotent-bucket").build();
        GetOrCreateResult<Bucket, Bucket> b1 = partner.buckets().getOrCreate(bucketParams);
        GetOrCreateResult<Bucket, Bucket> b2 = partner.buckets().getOrCreate(bucketParams);
        assertThat(b1.wasCreated()).isTrue();
        assertThat(b2.wasCreated()).isFalse();
        assertThat(b2.id()).isEqualTo(b1.id());
        assertThat(all(partner.buckets().list(dev.pdpkit.client.model.BucketListParams.builder()
                .projectId(first.id()).build()).autoPager())).hasSize(1);
    }

    @Test
    void typedErrorsCarryTheApiErrorBody() {
        assertThatThrownBy(() -> partner.projects().get("proj_does_not_exist")).isInstanceOfSatisfying(
                NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.errorCode()).isPresent();
                    assertThat(e.errorMessage()).isPresent();
                });
        try (PrismaManagement wrong = clientWithToken("not-a-valid-token")) {
            assertThatThrownBy(() -> wrong.me().get()).isInstanceOfSatisfying(UnauthorizedException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(401));
        }
        assertThatThrownBy(() -> partner.projects().create(ProjectCreateParams.builder().name("x")
                .region(RegionId.of("mars-north-1")).build())).isInstanceOf(PrismaApiException.class)
                .satisfies(e -> assertThat(((PrismaApiException) e).statusCode()).isBetween(400, 499));
    }

    private static String directUrl(ConnectionWithSecrets c) {
        return c.endpoints().direct().orElseThrow().connectionString();
    }

    /** The password inside the direct connection string ({@code postgres://user:password@host...}). */
    private static String password(ConnectionWithSecrets c) {
        String url = directUrl(c);
        String userInfo = url.substring(url.indexOf("://") + 3, url.lastIndexOf('@'));
        String password = userInfo.substring(userInfo.indexOf(':') + 1);
        assertThat(password).isNotEmpty();
        return password;
    }

    private Database awaitReady(String databaseId) {
        return Waiters.database(partner).untilReady(databaseId, WaitOptions.builder()
                .timeout(Duration.ofSeconds(10)).initialInterval(Duration.ofMillis(50)).build());
    }

    @Test
    void theDatabaseWaiterEndsOnAFailedDatabase() {
        CreatedProject project = partner.projects().create(ProjectCreateParams.builder().name("e2e-failing")
                .build());
        String databaseId = project.database().orElseThrow().id();
        emulator.failDatabase(databaseId, true);
        List<String> polled = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> Waiters.database(partner).untilReady(databaseId, WaitOptions.builder()
                .timeout(Duration.ofSeconds(10)).initialInterval(Duration.ofMillis(50))
                .listener(p -> polled.add(p.status())).build()))
                .isInstanceOfSatisfying(ResourceFailedException.class,
                        e -> assertThat(e.status()).isEqualTo("failure"));
        assertThat(polled).containsExactly("failure");
        emulator.failDatabase(databaseId, false);
        assertThat(awaitReady(databaseId).status()).isEqualTo(DatabaseStatus.READY);
        partner.projects().delete(project.id());
    }
}
