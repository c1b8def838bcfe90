package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void parsesOptionsAndPrintsUrlsAndCredentials() {
        PrismaEmulator.Builder b = Main.parse(new String[] {"--port", "0", "--provisioning-delay-ms", "0"});
        try (PrismaEmulator e = b.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Main.describe(e, new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains(e.baseUrl() + "/v1").contains(e.issuerUrl())
                    .contains(e.partnerServiceToken()).contains(e.userServiceToken())
                    .contains("Partner Workspace").contains("User Workspace");
            assertThat(e.baseUrl()).startsWith("http://127.0.0.1:");
        }
        assertThat(Main.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> Main.parse(new String[] {"--port"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsFastOnAFreeLoopbackPort() {
        dev.pdpkit.emulator.api.SpecValidator.shared();
        long t0 = System.nanoTime();
        try (PrismaEmulator e = PrismaEmulator.start()) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("start time in ms").isLessThan(1000);
            assertThat(e.port()).isPositive();
            assertThat(e.baseUri().getHost()).isEqualTo("127.0.0.1");
        }
    }
}
