package dev.pdpkit.emulator;

import dev.pdpkit.emulator.api.Model;
import dev.pdpkit.emulator.api.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Direct reads and changes of the emulator's state for tests, each atomic with respect to API requests. */
final class StoreControls {
    private final Store store;

    StoreControls(Store store) {
        this.store = store;
    }

    String createServiceToken(String workspaceId, String name, Duration ttl) {
        synchronized (store) {
            if (!store.workspaces.containsKey(workspaceId)) {
                throw new IllegalArgumentException("unknown workspace " + workspaceId);
            }
            Instant expires = ttl == null ? null : store.now().plus(ttl);
            return store.addServiceToken(workspaceId, name, null, expires).value();
        }
    }

    Optional<String> databaseStatus(String databaseId) {
        synchronized (store) {
            Model.Database d = store.databases.get(databaseId);
            return d == null ? Optional.empty() : Optional.of(d.status(store.now()));
        }
    }

    void failDatabase(String databaseId, boolean failed) {
        synchronized (store) {
            Model.Database d = store.databases.get(databaseId);
            if (d == null) {
                throw new IllegalArgumentException("unknown database " + databaseId);
            }
            d.failed = failed;
        }
    }

    String addBackup(String databaseId, Instant at) {
        synchronized (store) {
            if (!store.databases.containsKey(databaseId)) {
                throw new IllegalArgumentException("unknown database " + databaseId);
            }
            return store.newBackup(databaseId, at, "full", "completed").id;
        }
    }

    int projectCount() {
        synchronized (store) {
            return store.projects.size();
        }
    }

    List<String> projectIds(String workspaceId) {
        synchronized (store) {
            List<String> out = new ArrayList<>();
            for (Model.Project p : Store.select(store.projects, p -> p.workspaceId.equals(workspaceId))) {
                out.add(p.id);
            }
            return out;
        }
    }

    Optional<String> projectWorkspace(String projectId) {
        synchronized (store) {
            Model.Project p = store.projects.get(projectId);
            return p == null ? Optional.empty() : Optional.of(p.workspaceId);
        }
    }

    /** Creates the seeded workspaces, each with its service token. */
    List<SeededWorkspace> seed(List<WorkspaceSeed> seeds) {
        synchronized (store) {
            List<SeededWorkspace> seeded = new ArrayList<>();
            for (WorkspaceSeed seed : seeds) {
                Model.Workspace w = store.addWorkspace(seed.id() != null ? seed.id()
                        : dev.pdpkit.emulator.api.Ids.id("wksp"), seed.name(), seed.planName());
                Store.IssuedServiceToken t = store.addServiceToken(w.id, "Seeded token (" + seed.name() + ")",
                        seed.serviceToken(), null);
                seeded.add(new SeededWorkspace(w.id, w.name, t.value(), t.token().id));
            }
            return List.copyOf(seeded);
        }
    }
}
