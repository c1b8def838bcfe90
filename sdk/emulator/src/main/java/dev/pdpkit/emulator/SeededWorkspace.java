package dev.pdpkit.emulator;

/**
 * A workspace the emulator was started with, and the service token seeded for it.
 *
 * @param id the workspace id ({@code wksp_...})
 * @param name the display name
 * @param serviceToken the seeded service token's value; it authenticates as this workspace
 * @param serviceTokenId the id of that token, as {@code /v1/workspaces/{id}/service-tokens} lists it
 */
public record SeededWorkspace(String id, String name, String serviceToken, String serviceTokenId) {
    @Override
    public String toString() {
        return "SeededWorkspace[id=" + id + ", name=" + name + ", serviceTokenId=" + serviceTokenId + "]";
    }
}
