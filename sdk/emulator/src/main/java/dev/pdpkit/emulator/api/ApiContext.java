package dev.pdpkit.emulator.api;

/** The shared collaborators of the handler groups. */
record ApiContext(Store store, Render render, Paging paging, OAuthBackend oauth, ApiStats stats) {
}
