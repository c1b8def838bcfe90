package dev.pdpkit.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.SeededWorkspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small fixture classes through the JUnit launcher and checks what the extension did. */
class PrismaEmulatorExtensionTest {
    static final List<PrismaEmulator> SEEN = new ArrayList<>();

    private static TestExecutionSummary run(Class<?> fixture) {
        SEEN.clear();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture)).build(), listener);
        return listener.getSummary();
    }

    static int status(PrismaEmulator emulator, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @ExtendWith(PrismaEmulatorExtension.class)
    @EmulatorOptions(provisioningDelayMillis = 250)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InjectionFixture {
        static PrismaEmulator staticField;
        PrismaEmulator field;

        @Test
        @Order(1)
        void injectsFieldsAndParameters(PrismaEmulator param, SeededWorkspace partner,
                                        @EmulatorWorkspace(PrismaEmulator.USER_WORKSPACE) SeededWorkspace user)
                throws Exception {
            assertThat(param).isSameAs(field).isSameAs(staticField);
            assertThat(partner.name()).isEqualTo(PrismaEmulator.PARTNER_WORKSPACE);
            assertThat(user.name()).isEqualTo(PrismaEmulator.USER_WORKSPACE);
            assertThat(status(param, "/v1/me", partner.serviceToken())).isEqualTo(200);
            param.faults().allRequests("/v1/me").respond(503);
            assertThat(status(param, "/v1/me", partner.serviceToken())).isEqualTo(503);
            SEEN.add(param);
        }

        @Test
        @Order(2)
        void sameEmulatorForTheClassAndFaultsWereCleared(PrismaEmulator param) throws Exception {
            assertThat(SEEN).containsExactly(param);
            assertThat(status(param, "/v1/me", param.partnerServiceToken())).isEqualTo(200);
            assertThat(param.faults().rules()).isEmpty();
        }

        @Nested
        class Inner {
            @Test
            void sharesTheOuterEmulator(PrismaEmulator param) {
                assertThat(param).isSameAs(SEEN.get(0));
            }
        }
    }

    @Test
    void startsInjectsAndClosesOnePerClass() throws Exception {
        TestExecutionSummary summary = run(InjectionFixture.class);
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(SEEN).hasSize(1);
        assertThat(SEEN.get(0).isClosed()).isTrue();
    }

    static class ConfiguredFixture {
        @RegisterExtension
        static PrismaEmulatorExtension ext = PrismaEmulatorExtension.configure(b -> b.workspace("Solo")
                .provisioningDelay(Duration.ofMillis(10)));

        @Test
        void usesTheBuilder(PrismaEmulator emulator) {
            assertThat(ext.emulator()).isSameAs(emulator);
            assertThat(emulator.workspaces()).extracting(SeededWorkspace::name).containsExactly("Solo");
            SEEN.add(emulator);
        }
    }

    @Test
    void registerExtensionWithABuilder() {
        TestExecutionSummary summary = run(ConfiguredFixture.class);
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(SEEN.get(0).isClosed()).isTrue();
    }

    static class ViolationFixture {
        static final dev.pdpkit.emulator.api.InMemoryOAuth BROKEN = broken();

        @RegisterExtension
        static PrismaEmulatorExtension ext = PrismaEmulatorExtension.configure(b -> b.oauthBackend(BROKEN));

        static dev.pdpkit.emulator.api.InMemoryOAuth broken() {
            dev.pdpkit.emulator.api.InMemoryOAuth oauth = new dev.pdpkit.emulator.api.InMemoryOAuth(
                    java.time.Clock.systemUTC());
            // /v1/me declares user.email as format: email; this one is not
            oauth.addUser(new dev.pdpkit.emulator.api.OAuthBackend.User("user_emulated", "not-an-e-mail", null));
            return oauth;
        }

        @Test
        void producesAViolation(PrismaEmulator emulator) throws Exception {
            SEEN.add(emulator);
            String token = emulator.issueAccessToken(emulator.partnerWorkspace().id());
            assertThat(status(emulator, "/v1/me", token)).isEqualTo(500);
        }
    }

    @Test
    void responseViolationsFailTheClass() {
        TestExecutionSummary summary = run(ViolationFixture.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(f ->
                assertThat(f.getException()).isInstanceOf(AssertionError.class)
                        .hasMessageContaining("violate the OpenAPI document"));
        assertThat(SEEN.get(0).isClosed()).isTrue();
    }

    /** A fake SDK client shaped like {@code PrismaManagement}. */
    public static final class FakeClient implements AutoCloseable {
        final String baseUrl;
        final String token;
        boolean closed;

        private FakeClient(String baseUrl, String token) {
            this.baseUrl = baseUrl;
            this.token = token;
        }

        public static Builder builder() {
            return new Builder();
        }

        @Override
        public void close() {
            closed = true;
        }

        /** The builder. */
        public static final class Builder {
            private String baseUrl;
            private String token;

            public Builder baseUrl(String url) {
                this.baseUrl = url;
                return this;
            }

            public Builder serviceToken(String t) {
                this.token = t;
                return this;
            }

            public FakeClient build() {
                return new FakeClient(baseUrl, token);
            }
        }
    }

    @Test
    void buildsAClientThroughItsBuilder() {
        Object client = PrismaEmulatorExtension.newClient(FakeClient.class, "http://127.0.0.1:1", "tok");
        assertThat(client).isInstanceOfSatisfying(FakeClient.class, c -> {
            assertThat(c.baseUrl).isEqualTo("http://127.0.0.1:1");
            assertThat(c.token).isEqualTo("tok");
        });
    }
}
