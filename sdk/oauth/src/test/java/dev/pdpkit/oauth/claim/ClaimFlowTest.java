package dev.pdpkit.oauth.claim;

import dev.pdpkit.fixtures.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.auth.ApprovalMode;
import dev.pdpkit.emulator.auth.AuthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The claim flow against the full emulator: authorization server, token endpoint and Management API. */
class ClaimFlowTest {
    private static final String REDIRECT = "http://127.0.0.1:8799/callback";
    private static final OkHttpClient NO_REDIRECTS = new OkHttpClient.Builder().followRedirects(false).build();

    private static PrismaEmulator emulator;
    private static PrismaManagement partner;
    private static PrismaManagement user;

    private ManualClock clock;
    private ClaimFlow flow;
    private String projectId;

    @BeforeAll
    static void startEmulator() {
        emulator = PrismaEmulator.start();
        partner = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                .serviceToken(emulator.partnerServiceToken()).build();
        user = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(emulator.userServiceToken())
                .build();
    }

    @AfterAll
    static void stopEmulator() {
        partner.close();
        user.close();
        emulator.close();
    }

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        flow = flow(false);
        projectId = partner.projects().create(ProjectCreateParams.builder().name("claim-me").build()).id();
        emulator.faults().clear();
        auth().approvalMode(ApprovalMode.AUTO_APPROVE);
    }

    @AfterEach
    void resetFaults() {
        emulator.faults().clear();
        auth().approvalMode(ApprovalMode.AUTO_APPROVE);
    }

    private ClaimFlow flow(boolean keepTokens) {
        return ClaimFlow.builder()
                .clientId(emulator.partnerClient().clientId())
                .clientSecret(emulator.partnerClient().clientSecret())
                .issuer(emulator.issuerUrl())
                .redirectUri(REDIRECT)
                .partnerClient(partner)
                .keepRecipientTokens(keepTokens)
                .clock(clock)
                .build();
    }

    private static AuthServer auth() {
        return emulator.authServer().orElseThrow();
    }

    @Test
    void claimsTheProjectIntoTheWorkspaceTheUserPicked() {
        PendingClaim pending = flow.start(projectId);
        URI url = pending.authorizationUrl();
        assertThat(url.toString()).startsWith(emulator.issuerUrl() + "/authorize?")
                .contains("redirect_uri=" + java.net.URLEncoder.encode(REDIRECT, java.nio.charset.StandardCharsets.UTF_8))
                .contains("code_challenge_method=S256").contains("state=")
                .doesNotContain(emulator.partnerClient().clientSecret()).doesNotContain(emulator.partnerServiceToken());
        assertThat(pending.redirectUri()).isEqualTo(URI.create(REDIRECT));
        assertThat(pending.projectId()).isEqualTo(projectId);
        assertThat(pending.createdAt()).isEqualTo(clock.instant());

        String callback = authorize(url);
        ClaimResult result = flow.complete(callback, pending);

        assertThat(result.status()).isEqualTo(ClaimResult.Status.CLAIMED);
        assertThat(result.claimed()).isTrue();
        String userWs = emulator.userWorkspace().id();
        assertThat(result.recipientWorkspaceId()).contains(userWs);
        assertThat(result.project()).isPresent();
        assertThat(result.project().get().workspace().id()).isEqualTo(userWs);
        assertThat(emulator.projectWorkspace(projectId)).contains(userWs);
        assertThat(user.projects().get(projectId).workspace().id()).isEqualTo(userWs);
        assertThat(result.recipientTokens()).as("user token dropped by default").isEmpty();
        assertThat(result.toString()).doesNotContain(query(callback, "code")).doesNotContain(query(callback, "state"));
    }

    @Test
    void aSecondCallbackWithTheSameClaimDoesNothing() {
        PendingClaim pending = flow.start(projectId);
        String callback = authorize(pending.authorizationUrl());
        assertThat(flow.complete(callback, pending).status()).isEqualTo(ClaimResult.Status.CLAIMED);
        long transfers = emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED);
        long tokenRequests = auth().counters().tokenRequests();
        long apiRequests = emulator.stats().totalRequests();

        ClaimResult again = flow.complete(callback, pending);
        ClaimResult decoded = flow.complete(callback, PendingClaim.decode(pending.encode()));

        assertThat(again.status()).isEqualTo(ClaimResult.Status.REPLAYED);
        assertThat(decoded.status()).as("a replayed cookie is stopped too").isEqualTo(ClaimResult.Status.REPLAYED);
        assertThat(emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED)).isEqualTo(transfers);
        assertThat(auth().counters().tokenRequests()).isEqualTo(tokenRequests);
        assertThat(emulator.stats().totalRequests()).isEqualTo(apiRequests);
    }

    @Test
    void twoCallbacksAtOnceTransferOnce() throws Exception {
        PendingClaim pending = flow.start(projectId);
        String callback = authorize(pending.authorizationUrl());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<ClaimResult> task = () -> {
                go.await();
                return flow.complete(callback, pending);
            };
            var a = pool.submit(task);
            var b = pool.submit(task);
            go.countDown();
            assertThat(java.util.List.of(a.get().status(), b.get().status()))
                    .containsExactlyInAnyOrder(ClaimResult.Status.CLAIMED, ClaimResult.Status.REPLAYED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deniedAuthorizationIsCancelledAndChangesNothing() throws IOException {
        auth().approvalMode(ApprovalMode.CONSENT_PAGE);
        PendingClaim pending = flow.start(projectId);
        String callback = decide(pending.authorizationUrl(), "deny");
        assertThat(callback).contains("error=access_denied");
        long tokenRequests = auth().counters().tokenRequests();

        ClaimResult result = flow.complete(callback, pending);

        assertThat(result.status()).isEqualTo(ClaimResult.Status.CANCELLED);
        assertThat(result.oauthError()).contains("access_denied");
        assertThat(auth().counters().tokenRequests()).isEqualTo(tokenRequests);
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.partnerWorkspace().id());
    }

    @Test
    void approvalOnTheConsentPageForAChosenWorkspace() throws IOException {
        auth().approvalMode(ApprovalMode.CONSENT_PAGE);
        PendingClaim pending = flow.start(projectId);
        String callback = decide(pending.authorizationUrl(), "approve");
        assertThat(flow.complete(callback, pending).status()).isEqualTo(ClaimResult.Status.CLAIMED);
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.userWorkspace().id());
    }

    @Test
    void aCallbackWithoutIssIsRejectedBeforeAnyRequestWhenTheServerAdvertisesIt() {
        PendingClaim pending = flow.start(projectId);
        String callback = authorize(pending.authorizationUrl()).replaceAll("&?iss=[^&]*", "");
        long tokenRequests = auth().counters().tokenRequests();
        ClaimResult result = flow.complete(callback, pending);
        assertThat(result.status()).isEqualTo(ClaimResult.Status.INVALID_CALLBACK);
        assertThat(result.message()).contains("MISSING_ISSUER");
        assertThat(auth().counters().tokenRequests()).isEqualTo(tokenRequests);
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.partnerWorkspace().id());
    }

    @Test
    void otherAuthorizationErrorsAreReportedWithASafeCode() {
        PendingClaim pending = flow.start(projectId);
        ClaimResult result = flow.complete(REDIRECT + "?error=server_error&error_description=%3Cscript%3E&state="
                + pending.state() + "&iss=" + auth().issuer(), pending);
        assertThat(result.status()).isEqualTo(ClaimResult.Status.AUTHORIZATION_FAILED);
        assertThat(result.oauthError()).contains("server_error");
        assertThat(result.message()).doesNotContain("script");

        PendingClaim other = flow.start(projectId);
        ClaimResult weird = flow.complete(REDIRECT + "?error=%3Cb%3E&state=" + other.state() + "&iss=" + auth().issuer(),
                other);
        assertThat(weird.oauthError()).contains("invalid_error_code");
    }

    @Test
    void aCallbackWithAnotherStateIsRejectedBeforeAnyRequest() {
        PendingClaim mine = flow.start(projectId);
        PendingClaim attackers = flow.start(projectId);
        String attackersCallback = authorize(attackers.authorizationUrl());
        long tokenRequests = auth().counters().tokenRequests();

        ClaimResult result = flow.complete(attackersCallback, mine);

        assertThat(result.status()).isEqualTo(ClaimResult.Status.INVALID_CALLBACK);
        assertThat(auth().counters().tokenRequests()).isEqualTo(tokenRequests);
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.partnerWorkspace().id());
        // The forged callback did not use up the real claim.
        assertThat(flow.complete(authorize(mine.authorizationUrl()), mine).status())
                .isEqualTo(ClaimResult.Status.CLAIMED);
    }

    @Test
    void missingStateWrongIssuerMissingCodeAndRepeatedParametersAreInvalid() {
        PendingClaim pending = flow.start(projectId);
        String state = pending.state();
        assertThat(flow.complete(REDIRECT + "?code=abc", pending).status())
                .isEqualTo(ClaimResult.Status.INVALID_CALLBACK);
        assertThat(flow.complete(REDIRECT + "?code=abc&state=" + state + "&iss=https%3A%2F%2Fevil.example",
                pending).status()).isEqualTo(ClaimResult.Status.INVALID_CALLBACK);
        assertThat(flow.complete(REDIRECT + "?code=a&code=b&state=" + state, pending).status())
                .isEqualTo(ClaimResult.Status.INVALID_CALLBACK);
        assertThat(flow.complete(REDIRECT + "?state=" + state, pending).status())
                .isEqualTo(ClaimResult.Status.INVALID_CALLBACK);
    }

    @Test
    void anExpiredOrAbsentClaimSendsNothing() {
        PendingClaim pending = flow.start(projectId);
        String callback = authorize(pending.authorizationUrl());
        long tokenRequests = auth().counters().tokenRequests();
        clock.advance(Duration.ofMinutes(16));

        assertThat(flow.complete(callback, pending).status()).isEqualTo(ClaimResult.Status.EXPIRED);
        ClaimResult none = flow.complete(callback, null);
        assertThat(none.status()).isEqualTo(ClaimResult.Status.EXPIRED);
        assertThat(none.projectId()).isEmpty();
        assertThat(auth().counters().tokenRequests()).isEqualTo(tokenRequests);
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.partnerWorkspace().id());
    }

    @Test
    void aProjectDeletedMeanwhileIsNotFoundAndTheCodeIsNotRedeemed() {
        PendingClaim pending = flow.start(projectId);
        String callback = authorize(pending.authorizationUrl());
        partner.projects().delete(projectId);
        long tokenRequests = auth().counters().tokenRequests();

        ClaimResult result = flow.complete(callback, pending);

        assertThat(result.status()).isEqualTo(ClaimResult.Status.PROJECT_NOT_FOUND);
        assertThat(auth().counters().tokenRequests()).isEqualTo(tokenRequests);
    }

    @Test
    void aProjectThatCannotBeTransferredNowIsNotTransferable() {
        String logicalId = "clash-" + System.nanoTime();
        String clashing = partner.projects().create(ProjectCreateParams.builder().name("clash")
                .logicalId(logicalId).build()).id();
        user.projects().create(ProjectCreateParams.builder().name("mine").logicalId(logicalId).build());
        PendingClaim pending = flow.start(clashing);

        ClaimResult result = flow.complete(authorize(pending.authorizationUrl()), pending);

        assertThat(result.status()).isEqualTo(ClaimResult.Status.NOT_TRANSFERABLE);
        assertThat(emulator.projectWorkspace(clashing)).contains(emulator.partnerWorkspace().id());
    }

    @Test
    void aRecipientTokenTheApiRejectsIsReported() {
        emulator.faults().nextRequest("postV1ProjectsByIdTransfer").respond(401,
                "{\"error\":{\"code\":\"invalid_recipient_token\",\"message\":\"The recipient access token is invalid.\"}}");
        PendingClaim pending = flow.start(projectId);

        ClaimResult result = flow.complete(authorize(pending.authorizationUrl()), pending);

        assertThat(result.status()).isEqualTo(ClaimResult.Status.RECIPIENT_REJECTED);
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.partnerWorkspace().id());
    }

    @Test
    void theUsersTokensAreReturnedOnlyWhenAskedFor() {
        ClaimFlow keeping = flow(true);
        PendingClaim pending = keeping.start(projectId);
        ClaimResult result = keeping.complete(authorize(pending.authorizationUrl()), pending);
        assertThat(result.status()).isEqualTo(ClaimResult.Status.CLAIMED);
        assertThat(result.recipientTokens()).isPresent();
        assertThat(result.recipientTokens().get().workspaceId()).contains(emulator.userWorkspace().id());
        assertThat(result.toString()).doesNotContain(result.recipientTokens().get().accessToken());
    }

    @Test
    void aWrongClientSecretIsAConfigurationErrorNotAnOutcome() {
        ClaimFlow wrong = ClaimFlow.builder().clientId(emulator.partnerClient().clientId())
                .clientSecret("not-the-secret").issuer(emulator.issuerUrl()).redirectUri(REDIRECT)
                .partnerClient(partner).build();
        PendingClaim pending = wrong.start(projectId);
        String callback = authorize(pending.authorizationUrl());
        assertThatThrownBy(() -> wrong.complete(callback, pending))
                .isInstanceOf(dev.pdpkit.oauth.TokenRequestException.class)
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void theBuilderRequiresAConfidentialClientAndAnAbsoluteRedirect() {
        assertThatThrownBy(() -> ClaimFlow.builder().clientId("c").redirectUri(REDIRECT).partnerClient(partner)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("clientSecret");
        assertThatThrownBy(() -> ClaimFlow.builder().clientId("c").clientSecret("s").redirectUri("/callback")
                .partnerClient(partner).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ClaimFlow.builder().clientId("c").clientSecret("s").redirectUri(REDIRECT).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("partnerClient");
        assertThat(ClaimFlow.builder().clientId("c").clientSecret("s3cr3t").toString()).doesNotContain("s3cr3t");
        assertThatThrownBy(() -> flow.start(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> flow.start(projectId, Map.of("state", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Plays the browser with automatic approval: returns the callback URL the server redirects to. */
    static String authorize(URI authorizationUrl) {
        try (Response r = NO_REDIRECTS.newCall(new Request.Builder().url(authorizationUrl.toString()).build())
                .execute()) {
            assertThat(r.code()).isEqualTo(302);
            return r.header("Location");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plays a person on the consent page: picks the first (user) workspace and approves or denies. */
    static String decide(URI authorizationUrl, String decision) throws IOException {
        String page;
        try (Response r = NO_REDIRECTS.newCall(new Request.Builder().url(authorizationUrl.toString()).build())
                .execute()) {
            assertThat(r.code()).isEqualTo(200);
            page = r.body().string();
        }
        Matcher request = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(page);
        Matcher workspace = Pattern.compile("name=\"workspace\" value=\"([^\"]+)\" checked").matcher(page);
        assertThat(request.find()).isTrue();
        assertThat(workspace.find()).isTrue();
        FormBody form = new FormBody.Builder().add("request", request.group(1)).add("workspace", workspace.group(1))
                .add("decision", decision).build();
        try (Response r = NO_REDIRECTS.newCall(new Request.Builder().url(emulator.issuerUrl() + "/authorize")
                .post(form).build()).execute()) {
            assertThat(r.code()).isEqualTo(302);
            return r.header("Location");
        }
    }

    private static String query(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        return m.find() ? m.group(1) : "\u0000absent";
    }

    /** A clock tests can move forward. */
}
