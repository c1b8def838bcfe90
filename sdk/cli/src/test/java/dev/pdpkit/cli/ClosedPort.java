package dev.pdpkit.cli;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.api.ConnectionHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/** A loopback port nobody listens on, and an emulator whose connection strings point at it (the doctor's tests). */
final class ClosedPort {
    private ClosedPort() {
    }

    static int find() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrismaEmulator emulatorPointingAt(int port, Duration provisioningDelay) {
        return PrismaEmulator.builder().provisioningDelay(provisioningDelay)
                .connectionHosts(new ConnectionHosts("127.0.0.1", "127.0.0.1", port, "127.0.0.1", "postgres"))
                .start();
    }
}
