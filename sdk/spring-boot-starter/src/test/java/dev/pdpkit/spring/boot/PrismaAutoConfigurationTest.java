package dev.pdpkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.errors.InternalServerException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.oauth.FileTokenStore;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.oauth.TokenStore;
import dev.pdpkit.oauth.claim.ClaimFlow;
import dev.pdpkit.oauth.claim.ClaimReplayGuard;
import dev.pdpkit.oauth.claim.PendingClaim;
import dev.pdpkit.oauth.claim.PendingClaimStore;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans the starter creates from {@code pdpkit.*}, against a real emulator. */
class PrismaAutoConfigurationTest extends EmulatorBacked {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrismaOAuthAutoConfiguration.class,
                    PrismaAutoConfiguration.class));

    private ApplicationContextRunner withToken() {
        return runner.withPropertyValues("pdpkit.base-url=" + emulator.baseUrl(),
                "pdpkit.service-token=" + emulator.partnerServiceToken());
    }

    private ApplicationContextRunner withOAuth(String... more) {
        return withToken().withPropertyValues("pdpkit.oauth.client-id=" + PrismaEmulator.PARTNER_CLIENT_ID,
                "pdpkit.oauth.issuer=" + emulator.issuerUrl()).withPropertyValues(more);
    }

    @Test
    void withoutCredentialsThereIsNoClient() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PrismaManagement.class)
                .doesNotHaveBean(PrismaOAuth.class));
    }

    @Test
    void aServiceTokenGivesAWorkingClientOnTheConfiguredBaseUrl() {
        withToken().run(context -> {
            PrismaManagement client = context.getBean(PrismaManagement.class);
            assertThat(client.baseUrl()).isEqualTo(emulator.baseUrl() + "/");
            assertThat(client.workspaces().list().autoPager()).isNotEmpty();
            assertThat(context).doesNotHaveBean(PrismaOAuth.class).doesNotHaveBean(ClaimFlow.class);
        });
    }

    @Test
    void aWrongTokenIsRejectedByTheApiNotHidden() {
        runner.withPropertyValues("pdpkit.base-url=" + emulator.baseUrl(), "pdpkit.service-token=wrong")
                .run(context -> assertThatThrownBy(() -> context.getBean(PrismaManagement.class).workspaces().list())
                        .isInstanceOf(UnauthorizedException.class));
    }

    @Test
    void retriesComeFromTheProperties() {
        emulator.faults().nextRequest("GET /v1/workspaces").respond(500);
        withToken().withPropertyValues("pdpkit.max-retries=0").run(context ->
                assertThatThrownBy(() -> context.getBean(PrismaManagement.class).workspaces().list())
                        .isInstanceOf(InternalServerException.class));
        emulator.faults().nextRequest("GET /v1/workspaces").respond(500);
        withToken().withPropertyValues("pdpkit.max-retries=1", "pdpkit.timeout=10s").run(context ->
                assertThat(context.getBean(PrismaManagement.class).workspaces().list().autoPager()).isNotEmpty());
    }

    @Test
    void backsOffToTheApplicationsOwnClient() {
        withToken().withBean("mine", PrismaManagement.class, () -> PrismaManagement.builder()
                .baseUrl(emulator.baseUrl()).serviceToken(emulator.userServiceToken()).build())
                .run(context -> assertThat(context).getBean(PrismaManagement.class)
                        .isSameAs(context.getBean("mine")));
    }

    @Test
    void usesTheApplicationsOkHttpClient() {
        AtomicInteger seen = new AtomicInteger();
        OkHttpClient mine = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.incrementAndGet();
                    return chain.proceed(chain.request());
                }).build();
        withToken().withBean(OkHttpClient.class, () -> mine).run(context -> {
            context.getBean(PrismaManagement.class).workspaces().list();
            assertThat(seen).hasValue(1);
        });
    }

    @Test
    void withOnlyOAuthTheClientActsWithTheUsersTokens() {
        runner.withPropertyValues("pdpkit.base-url=" + emulator.baseUrl(),
                "pdpkit.oauth.client-id=" + PrismaEmulator.PUBLIC_CLIENT_ID,
                "pdpkit.oauth.issuer=" + emulator.issuerUrl())
                .run(context -> {
                    String workspace = emulator.userWorkspace().id();
                    String token = emulator.issueAccessToken(workspace, PrismaEmulator.PUBLIC_CLIENT_ID);
                    context.getBean(TokenStore.class).save(OAuthTokens.of(token, null,
                            Instant.now().plusSeconds(3600), workspace, List.of()));
                    String project = context.getBean(PrismaManagement.class).projects()
                            .create(ProjectCreateParams.builder().name("as-user").build()).id();
                    assertThat(emulator.projectWorkspace(project)).contains(workspace);
                });
    }

    @Test
    void theClientsRetriesLiveInTheApplicationsRetryRegistry() {
        RetryRegistry mine = RetryRegistry.ofDefaults();
        withToken().withBean(RetryRegistry.class, () -> mine).run(context -> {
            context.getBean(PrismaManagement.class).workspaces().list();
            assertThat(mine.getAllRetries()).extracting(Retry::getName).contains("pdpkit-repeatable");
        });
    }

    @Test
    void oauthWithoutSecretGivesPrismaOAuthButNoClaimFlow() {
        withOAuth().run(context -> {
            assertThat(context).hasSingleBean(PrismaOAuth.class).doesNotHaveBean(ClaimFlow.class);
            assertThat(context.getBean(PrismaOAuth.class).currentTokens()).isEmpty();
        });
    }

    @Test
    void aConfidentialClientWithRedirectGivesAClaimFlowThatStartsClaims() {
        withOAuth("pdpkit.oauth.client-secret=" + emulator.partnerClient().clientSecret(),
                "pdpkit.oauth.redirect-uri=http://127.0.0.1/callback").run(context -> {
                    assertThat(context).hasSingleBean(ClaimFlow.class).hasSingleBean(PendingClaimStore.class)
                            .hasSingleBean(ClaimReplayGuard.class);
                    PendingClaim pending = context.getBean(ClaimFlow.class).start("proj_1");
                    assertThat(pending.authorizationUrl().toString()).startsWith(emulator.issuerUrl())
                            .contains("client_id=" + PrismaEmulator.PARTNER_CLIENT_ID)
                            .contains("redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback");
                });
    }

    @Test
    void aFileTokenStoreNeedsItsFile(@TempDir Path dir) {
        withOAuth("pdpkit.oauth.token-store=file").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("pdpkit.oauth.token-file"));
        withOAuth("pdpkit.oauth.token-store=file", "pdpkit.oauth.token-file=" + dir.resolve("t.json"))
                .run(context -> assertThat(context.getBean(TokenStore.class)).isInstanceOf(FileTokenStore.class));
    }

    @Test
    void propertiesNeverPrintSecrets() {
        withOAuth("pdpkit.oauth.client-secret=pcs_verysecret").run(context -> {
            String text = context.getBean(PrismaProperties.class).toString();
            assertThat(text).doesNotContain(emulator.partnerServiceToken()).doesNotContain("pcs_verysecret")
                    .contains("***");
        });
    }
}
