package dev.pdpkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.emulator.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads seeded workspaces from a small JSON file:
 *
 * <pre>{@code
 * {"workspaces": [
 *   {"name": "Acme", "id": "wksp_acme", "plan": "Pro", "serviceToken": "my-fixed-token"},
 *   {"name": "Other"}
 * ]}
 * }</pre>
 *
 * <p>Only {@code name} is required; a bare array of workspaces is accepted too. The first workspace is the
 * "partner" one, the second the "user" one (the OAuth user signs in to it).
 */
final class SeedFile {
    private SeedFile() {
    }

    /** @throws Main.UsageException if the file cannot be read or is not such a document */
    static List<WorkspaceSeed> read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new Main.UsageException("cannot read the seed file " + file + ": " + e.getMessage(), false);
        }
        return parse(root, file.toString());
    }

    static List<WorkspaceSeed> parse(JsonNode root, String source) {
        JsonNode list = root != null && root.isObject() ? root.get("workspaces") : root;
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new Main.UsageException(source + ": expected {\"workspaces\": [{\"name\": ...}, ...]}", false);
        }
        List<WorkspaceSeed> seeds = new ArrayList<>();
        for (JsonNode w : list) {
            String name = Json.text(w, "name");
            if (name == null || name.isBlank()) {
                throw new Main.UsageException(source + ": every workspace needs a \"name\"", false);
            }
            WorkspaceSeed seed = WorkspaceSeed.named(name);
            if (Json.text(w, "id") != null) {
                seed = seed.withId(Json.text(w, "id"));
            }
            if (Json.text(w, "plan") != null) {
                seed = seed.withPlan(Json.text(w, "plan"));
            }
            if (Json.text(w, "serviceToken") != null) {
                seed = seed.withServiceToken(Json.text(w, "serviceToken"));
            }
            seeds.add(seed);
        }
        return seeds;
    }
}
