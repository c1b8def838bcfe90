package dev.pdpkit.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.pdpkit.emulator.PrismaEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Two classes sharing a base class with a static extension, run one after the other the way a cached Spring context
 * sees them: the second still gets the first one's emulator, running.
 */
class SharedPrismaEmulatorExtensionTest {
    static final List<PrismaEmulator> SEEN = new ArrayList<>();

    abstract static class Base {
        @RegisterExtension
        static SharedPrismaEmulatorExtension shared = SharedPrismaEmulatorExtension.shared("shared-test",
                b -> b.provisioningDelay(Duration.ofMillis(5)));

        @Test
        void seesARunningEmulator(PrismaEmulator emulator) throws Exception {
            SEEN.add(emulator);
            assertThat(PrismaEmulatorExtensionTest.status(emulator, "/v1/me", emulator.partnerServiceToken()))
                    .isEqualTo(200);
            emulator.faults().nextRequest("GET /v1/me").respond(503);
        }
    }

    static class FirstFixture extends Base {
    }

    static class SecondFixture extends Base {
    }

    private static TestExecutionSummary run(Class<?> fixture) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture)).build(), listener);
        return listener.getSummary();
    }

    @Test
    void theSecondClassGetsTheFirstClassesEmulatorStillRunningWithFaultsCleared() {
        SEEN.clear();
        TestExecutionSummary first = run(FirstFixture.class);
        TestExecutionSummary second = run(SecondFixture.class);

        assertThat(first.getTestsSucceededCount()).isEqualTo(1);
        assertThat(second.getTestsSucceededCount()).isEqualTo(1);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(1)).isSameAs(SEEN.get(0));
        assertThat(SEEN.get(0).isClosed()).isFalse();
    }

    @Test
    void differentNamesAreDifferentEmulatorsAndAClosedOneIsReplaced() {
        SharedPrismaEmulatorExtension a = SharedPrismaEmulatorExtension.shared("shared-a", b -> { });
        SharedPrismaEmulatorExtension b = SharedPrismaEmulatorExtension.shared("shared-b", x -> { });
        assertThat(a.emulator()).isNotSameAs(b.emulator());
        assertThat(SharedPrismaEmulatorExtension.shared("shared-a", x -> { }).emulator()).isSameAs(a.emulator());

        PrismaEmulator closed = a.emulator();
        closed.close();
        assertThat(a.emulator()).isNotSameAs(closed);
        assertThat(a.emulator().isClosed()).isFalse();
    }
}
