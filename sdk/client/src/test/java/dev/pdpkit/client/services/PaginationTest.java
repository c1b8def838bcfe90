package dev.pdpkit.client.services;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pdpkit.client.errors.PrismaPaginationException;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Paging through {@code client.projects().list(...)}: filters and limit kept, only the cursor changes, stop rules. */
class PaginationTest extends WireMockApiTest {
    private static final String PATH = "/v1/projects";

    private static void page(String cursor, String body) {
        wm.stubFor(mapping("GET", PATH, 200, body)
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor)));
    }

    private static ProjectListParams filters() {
        return ProjectListParams.builder().limit(2).logicalId("shop-prod").build();
    }

    /** Asserts the requests carried the caller's filters and limit, and exactly these cursors (null: none). */
    private static void assertCursors(String... cursors) {
        List<LoggedRequest> all = requests();
        assertThat(all).as("number of HTTP requests").hasSize(cursors.length);
        for (int i = 0; i < cursors.length; i++) {
            assertRequest(all.get(i), "GET", PATH, cursors[i] == null
                    ? query("limit", "2", "logicalId", "shop-prod")
                    : query("limit", "2", "logicalId", "shop-prod", "cursor", cursors[i]));
        }
    }

    private static List<String> ids(Iterable<Project> projects) {
        List<String> out = new ArrayList<>();
        projects.forEach(p -> out.add(p.id()));
        return out;
    }

    @Test
    void autoPagerWalksEveryPageUntilHasMoreIsFalse() {
        page(null, Fixtures.page("c2", true, Fixtures.project("p1"), Fixtures.project("p2")));
        page("c2", Fixtures.page("c3", true, Fixtures.project("p3"), Fixtures.project("p4")));
        page("c3", Fixtures.page(null, false, Fixtures.project("p5")));

        Page<Project> first = client.projects().list(filters());
        assertThat(ids(first.data())).as("a page's data is that page only").containsExactly("p1", "p2");
        assertThat(ids(first.autoPager())).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertCursors(null, "c2", "c3");
    }

    @Test
    void streamFetchesLazilyAndKeepsTheFilters() {
        page(null, Fixtures.page("c2", true, Fixtures.project("p1"), Fixtures.project("p2")));
        page("c2", Fixtures.page("c3", true, Fixtures.project("p3"), Fixtures.project("p4")));
        page("c3", Fixtures.page(null, false, Fixtures.project("p5")));

        Page<Project> first = client.projects().list(filters());
        assertThat(first.autoPager().stream().limit(3).map(Project::id).collect(Collectors.toList()))
                .containsExactly("p1", "p2", "p3");
        assertCursors(null, "c2");
        assertThat(first.autoPager().stream().map(Project::id).collect(Collectors.toList()))
                .containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(requests()).hasSize(1 + 1 + 2); // the first page is never fetched again
    }

    @Test
    void anEmptyPageWithHasMoreEndsTheWalkWithATypedErrorHoldingWhatWasFetched() {
        page(null, Fixtures.page("c2", true, Fixtures.project("p1")));
        page("c2", Fixtures.page("c3", true));
        page("c3", Fixtures.page(null, false, Fixtures.project("never")));

        List<String> seen = new ArrayList<>();
        PrismaPaginationException e = catchThrowableOfType(
                () -> client.projects().list(filters()).autoPager().forEach(p -> seen.add(p.id())),
                PrismaPaginationException.class);
        assertThat(e).hasMessageContaining("empty page says hasMore");
        assertThat(seen).containsExactly("p1");
        assertThat(e.itemsSoFar()).extracting(o -> ((Project) o).id()).containsExactly("p1");
        assertThat(e.pagesFetched()).isEqualTo(2);
        assertCursors(null, "c2");
    }

    @Test
    void aMissingNextCursorWithHasMoreFailsTheFirstPage() {
        page(null, Fixtures.page(null, true, Fixtures.project("p1"), Fixtures.project("p2")));

        PrismaPaginationException e = catchThrowableOfType(() -> client.projects().list(filters()),
                PrismaPaginationException.class);
        assertThat(e).hasMessageContaining("nextCursor is missing");
        assertThat(e.itemsSoFar()).extracting(o -> ((Project) o).id()).containsExactly("p1", "p2");
        assertCursors((String) null);
    }

    @Test
    void aRepeatedCursorEndsTheWalkWithATypedError() {
        page(null, Fixtures.page("c2", true, Fixtures.project("p1")));
        page("c2", Fixtures.page("c2", true, Fixtures.project("p2")));

        PrismaPaginationException e = catchThrowableOfType(
                () -> ids(client.projects().list(filters()).autoPager()), PrismaPaginationException.class);
        assertThat(e).hasMessageContaining("cursor repeated");
        assertThat(e.itemsSoFar()).extracting(o -> ((Project) o).id()).containsExactly("p1", "p2");
        assertCursors(null, "c2");
    }

    @Test
    void nextPageAndHasNextPage() {
        page(null, Fixtures.page("c2", true, Fixtures.project("p1"), Fixtures.project("p2")));
        page("c2", Fixtures.page(null, false, Fixtures.project("p3")));

        Page<Project> first = client.projects().list(filters());
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.nextCursor()).contains("c2");
        Page<Project> second = first.nextPage();
        assertThat(ids(second.data())).containsExactly("p3");
        assertThat(second.hasMore()).isFalse();
        assertThat(second.hasNextPage()).isFalse();
        assertThatThrownBy(second::nextPage).isInstanceOf(NoSuchElementException.class);
        assertCursors(null, "c2");
    }

    @Test
    void rawListPagesToo() {
        page(null, Fixtures.page("c2", true, Fixtures.project("p1")));
        page("c2", Fixtures.page(null, false, Fixtures.project("p2")));

        Page<Project> first = client.projects().withRawResponse().list(filters()).body();
        assertThat(ids(first.autoPager())).containsExactly("p1", "p2");
        assertCursors(null, "c2");
    }
}
