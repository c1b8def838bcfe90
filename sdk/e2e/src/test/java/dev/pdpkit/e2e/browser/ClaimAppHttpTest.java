package dev.pdpkit.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.examples.claim.ClaimApp;
import java.io.IOException;
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

/**
 * The claim application's routes over plain HTTP (no browser): each outcome's result page, the checks on "Claim it",
 * and that no code, state or token reaches a page or a URL the application builds. The emulator approves at once.
 */
class ClaimAppHttpTest {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();
    private static final Pattern COOKIE = Pattern.compile("pdpkit_claim=([A-Za-z0-9_-]+)");

    private static PrismaEmulator emulator;
    private static PrismaManagement partner;

    private ClaimApp app;
    private String projectId;

    @BeforeAll
    static void startEmulator() {
        emulator = PrismaEmulator.start(); // automatic approval into the user's workspace
        partner = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(emulator.partnerServiceToken())
                .build();
    }

    @AfterAll
    static void stopEmulator() {
        partner.close();
        emulator.close();
    }

    @BeforeEach
    void startApp() {
        app = ClaimApp.start(ClaimApp.Settings.forEmulator(emulator, 0));
        projectId = app.offeredProjects().get(0);
        emulator.faults().clear();
    }

    @AfterEach
    void stopApp() {
        emulator.faults().clear();
        app.close();
    }

    /** One browser: its cookie, and the last callback URL it was sent to. */
    private final class Session {
        String cookie;
        String callback;

        Response send(Request.Builder r) throws IOException {
            if (cookie != null) {
                r.header("Cookie", "pdpkit_claim=" + cookie);
            }
            Response response = HTTP.newCall(r.build()).execute();
            for (String set : response.headers("Set-Cookie")) {
                Matcher m = COOKIE.matcher(set);
                if (m.find()) {
                    cookie = m.group(1);
                }
            }
            return response;
        }

        /** Clicks "Claim it" and follows the authorization server's redirect; returns the callback URL. */
        String claimAndAuthorize(String project) throws IOException {
            String authorize;
            try (Response r = send(post("/claim", project, app.baseUrl()))) {
                assertThat(r.code()).isEqualTo(303);
                authorize = r.header("Location");
            }
            assertThat(authorize).startsWith(emulator.issuerUrl() + "/authorize?");
            try (Response r = HTTP.newCall(new Request.Builder().url(authorize).build()).execute()) {
                assertThat(r.code()).isEqualTo(302);
                callback = r.header("Location");
            }
            assertThat(callback).startsWith(app.baseUrl() + "/callback?");
            return callback;
        }

        /** Opens the callback URL and then the result page it redirects to. */
        Page land(String callbackUrl) throws IOException {
            try (Response r = send(new Request.Builder().url(callbackUrl))) {
                assertThat(r.code()).isEqualTo(303);
                assertThat(r.header("Location")).isEqualTo("/result");
            }
            try (Response r = send(new Request.Builder().url(app.baseUrl() + "/result"))) {
                assertThat(r.header("Cache-Control")).isEqualTo("no-store");
                return new Page(r.code(), r.body().string());
            }
        }
    }

    private record Page(int status, String html) {
        String outcome() {
            Matcher m = Pattern.compile("data-outcome=\"([a-z-]+)\"").matcher(html);
            return m.find() ? m.group(1) : "(none)";
        }
    }

    private Request.Builder post(String path, String project, String origin) {
        Request.Builder b = new Request.Builder().url(app.baseUrl() + path)
                .post(new FormBody.Builder().add("project", project).build());
        if (origin != null) {
            b.header("Origin", origin);
        }
        return b;
    }

    private static String param(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void aClaimEndsOnAResultPageWithoutSecrets() throws IOException {
        Session s = new Session();
        String callback = s.claimAndAuthorize(projectId);

        Page page = s.land(callback);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.outcome()).isEqualTo("claimed");
        assertThat(page.html()).contains(projectId).contains(emulator.userWorkspace().id())
                .doesNotContain(param(callback, "code")).doesNotContain(param(callback, "state"))
                .doesNotContain(emulator.partnerServiceToken());
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.userWorkspace().id());
    }

    @Test
    void aReplayedCallbackOrOneWithoutCookieChangesNothing() throws IOException {
        Session s = new Session();
        String callback = s.claimAndAuthorize(projectId);
        assertThat(s.land(callback).outcome()).isEqualTo("claimed");
        long transfers = emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED);

        Page again = s.land(callback);
        Page stranger = new Session().land(callback);

        assertThat(again.status()).isEqualTo(410);
        assertThat(again.outcome()).isEqualTo("expired");
        assertThat(stranger.outcome()).isEqualTo("expired");
        assertThat(emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED)).isEqualTo(transfers);
    }

    @Test
    void aCallbackFromAnotherClaimIsRefused() throws IOException {
        Session victim = new Session();
        Session attacker = new Session();
        victim.claimAndAuthorize(projectId);
        String attackersCallback = attacker.claimAndAuthorize(projectId);

        Page page = victim.land(attackersCallback);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.outcome()).isEqualTo("invalid");
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.partnerWorkspace().id());
    }

    @Test
    void aDatabaseDeletedMeanwhileIsExplained() throws IOException {
        Session s = new Session();
        String callback = s.claimAndAuthorize(projectId);
        partner.projects().delete(projectId);

        Page page = s.land(callback);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.outcome()).isEqualTo("not-found");
        assertThat(page.html()).contains("no longer exists");
    }

    @Test
    void anApiFailureDuringTheTransferIsExplainedWithoutDetails() throws IOException {
        emulator.faults().nextRequest("postV1ProjectsByIdTransfer").respond(503,
                "{\"error\":{\"code\":\"unavailable\",\"message\":\"upstream said SECRET-DETAIL\"}}");
        Session s = new Session();

        Page page = s.land(s.claimAndAuthorize(projectId));

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.outcome()).isEqualTo("unavailable");
        assertThat(page.html()).doesNotContain("SECRET-DETAIL");
    }

    @Test
    void claimItOnlyAcceptsOfferedDatabasesFromThisSite() throws IOException {
        Session s = new Session();
        try (Response r = s.send(post("/claim", "proj_someone_elses", app.baseUrl()))) {
            assertThat(r.code()).isEqualTo(400);
        }
        try (Response r = s.send(post("/claim", projectId, "https://evil.example"))) {
            assertThat(r.code()).isEqualTo(403);
        }
        try (Response r = s.send(post("/claim", projectId, null))) {
            assertThat(r.code()).as("no Origin header (old clients) is accepted").isEqualTo(303);
            assertThat(r.header("Location")).doesNotContain(emulator.partnerClient().clientSecret());
            assertThat(r.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");
        }
        try (Response r = HTTP.newCall(new Request.Builder().url(app.baseUrl() + "/").build()).execute()) {
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(r.body().string()).contains("Claim it").contains(projectId);
        }
    }
}
