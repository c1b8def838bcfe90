package dev.pdpkit.spring.boot;

import dev.pdpkit.emulator.PrismaEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One emulator per test class for the ApplicationContextRunner tests; fault scripts are cleared after each test. */
abstract class EmulatorBacked {
    static PrismaEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = PrismaEmulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }
}
