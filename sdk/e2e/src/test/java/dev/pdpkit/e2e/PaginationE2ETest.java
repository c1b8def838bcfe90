package dev.pdpkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectListParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.SeededWorkspace;
import dev.pdpkit.emulator.junit.PrismaEmulatorExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's auto-pager while the collection grows: items inserted during the iteration never make it repeat or skip
 * an item that existed before it started (the API's cursors are positions, not offsets).
 */
class PaginationE2ETest {
    @RegisterExtension
    static final PrismaEmulatorExtension EMULATOR = PrismaEmulatorExtension.configure(b -> b.defaultPageSize(4));

    PrismaEmulator emulator;
    SeededWorkspace workspace;
    PrismaManagement client;

    private List<String> createProjects(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(client.projects().create(ProjectCreateParams.builder().name(prefix + i).createDatabase(false)
                    .build()).id());
        }
        return ids;
    }

    @Test
    void insertsDuringTheIterationCauseNoDuplicatesAndNoGaps() {
        List<String> before = createProjects("existing-", 17);
        List<String> existing = emulator.projectIds(workspace.id()); // with other tests' projects
        List<String> seen = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        Iterator<Project> it = client.projects().list(ProjectListParams.builder().limit(5).build()).autoPager()
                .iterator();
        while (it.hasNext()) {
            seen.add(it.next().id());
            if (inserted.size() < 12 && seen.size() % 2 == 1) {
                inserted.addAll(createProjects("inserted-", 1)); // one insert every other item, mid-page too
            }
        }

        Set<String> unique = new HashSet<>(seen);
        assertThat(seen).as("no duplicates").hasSize(unique.size());
        assertThat(seen).as("no gaps among the projects that existed before").containsAll(existing);
        List<String> preExistingInOrder = seen.stream().filter(before::contains).toList();
        assertThat(preExistingInOrder.equals(before) || preExistingInOrder.equals(reversed(before)))
                .as("pre-existing projects keep their relative order: %s", preExistingInOrder).isTrue();
        assertThat(seen).as("only real projects").isSubsetOf(union(existing, inserted));
        assertThat(emulator.projectIds(workspace.id())).containsAll(inserted);
        assertThat(emulator.stats().requests("getV1Projects")).as("several pages were fetched").isGreaterThan(3);
    }

    @Test
    void pagesExposeCursorsAndTheDefaultPageSize() {
        createProjects("paged-", 6);
        Page<Project> first = client.projects().list();
        assertThat(first.data()).hasSize(4); // the emulator's default page size in this class
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.nextCursor()).isPresent();
        Page<Project> second = first.nextPage();
        assertThat(second.data()).extracting(Project::id).doesNotContainAnyElementsOf(
                first.data().stream().map(Project::id).toList());
        long total = client.projects().list().autoPager().stream().count();
        assertThat(total).isEqualTo(emulator.projectIds(workspace.id()).size());
    }

    private static List<String> reversed(List<String> l) {
        List<String> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> u = new ArrayList<>(a);
        u.addAll(b);
        return u;
    }
}
