/**
 * An embedded emulator of the Prisma Data Platform for tests and local development.
 *
 * <p>{@link dev.pdpkit.emulator.PrismaEmulator} starts, on one loopback port, the Management API
 * ({@code /v1/...}, the 46 operations of {@code openapi/prisma-management-api.yaml}, in-memory state) and the OAuth
 * authorization server of {@code dev.pdpkit.emulator.auth} (mounted at the root, so the issuer is the base URL).
 * Requests and responses are checked against the OpenAPI document; {@link dev.pdpkit.emulator.Faults} scripts
 * failures; {@link dev.pdpkit.emulator.junit.PrismaEmulatorExtension} wires it into JUnit 5;
 * {@link dev.pdpkit.emulator.Main} runs it standalone.
 */
package dev.pdpkit.emulator;
