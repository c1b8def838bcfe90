/**
 * The emulated Management API: routes, handlers, in-memory state, pagination and validation against the OpenAPI
 * document. {@link dev.pdpkit.emulator.api.TokenVerifier} and {@link dev.pdpkit.emulator.api.OAuthBackend} are the
 * small interfaces through which the API consumes the authorization server. The other types are the emulator's
 * internals: public for its own packages, not a stable API.
 */
package dev.pdpkit.emulator.api;
