/**
 * JUnit 5 support: {@link dev.pdpkit.emulator.junit.PrismaEmulatorExtension} starts one emulator per test class and
 * injects it. Needs {@code junit-jupiter-api} on the test classpath (an optional dependency of this module).
 */
package dev.pdpkit.emulator.junit;
