package dev.pdpkit.client.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.errors.PrismaPaginationException;
import dev.pdpkit.client.hardening.PageBreaks.Break;
import dev.pdpkit.client.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pagination that would truncate a list silently: each {@link Break} ends the auto-pager (or, when the first page is
 * already broken, the list call) with a
 * {@link PrismaPaginationException} whose {@code itemsSoFar()} holds every item fetched, in order. {@code Page} is
 * not {@code Iterable}, so a for-each over a page cannot pass for the whole list.
 */
class PaginationDriftTest extends LoopbackTest {

    @ParameterizedTest(name = "{0} ends the auto-pager with what was fetched")
    @EnumSource(Break.class)
    void brokenPaginationEndsTheAutoPagerWithWhatWasFetched(Break kind) {
        FuzzCase c = serve(kind);
        List<String> seen = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> client.projects().list().autoPager().forEach(p -> seen.add(p.id())));

        assertEndedWithWhatWasFetched(c, thrown, seen);
    }

    @ParameterizedTest(name = "{0} ends the asynchronous walk with what was fetched")
    @EnumSource(Break.class)
    void brokenPaginationEndsTheAsynchronousWalkWithWhatWasFetched(Break kind) {
        FuzzCase c = serve(kind);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        Throwable thrown = catchThrowable(() -> client.async().projects().list()
                .thenCompose(first -> first.autoPager().forEachAsync(p -> seen.add(p.id()))).join());

        assertThat(thrown).isInstanceOf(java.util.concurrent.CompletionException.class);
        assertEndedWithWhatWasFetched(c, thrown.getCause(), seen);
    }

    private FuzzCase serve(Break kind) {
        FuzzCase c = PageBreaks.of(FuzzOp.PROJECTS_LIST, kind);
        List<RawHttpServer.Responder> pages = new ArrayList<>();
        c.replies().forEach(r -> pages.add(r.responder()));
        pages.add(Replies.error(599)); // nothing more may be fetched
        answer(pages.toArray(RawHttpServer.Responder[]::new));
        return c;
    }

    private void assertEndedWithWhatWasFetched(FuzzCase c, Throwable thrown, List<String> seen) {
        assertThat(thrown).isInstanceOf(PrismaPaginationException.class);
        PrismaPaginationException e = (PrismaPaginationException) thrown;
        List<String> served = new ArrayList<>();
        c.served().forEach(page -> page.get("data").forEach(item -> served.add(item.get("id").textValue())));
        List<String> soFar = e.itemsSoFar().stream().map(p -> ((Project) p).id()).collect(Collectors.toList());
        assertThat(soFar).hasSize(c.itemsBeforeBreak()).isEqualTo(served);
        assertThat(soFar.subList(0, seen.size())).as("items the caller saw before the break").isEqualTo(seen);
        assertThat(e.pagesFetched()).isEqualTo(c.replies().size());
        assertThat(server.requests()).hasSize(c.replies().size());
    }

    @Test
    void theAsynchronousWalkVisitsWellFormedPagesInOrder() {
        answer(Replies.json(200, BaseBodies.text(BaseBodies.page("c1", true, BaseBodies.get("project")))),
                Replies.json(200, BaseBodies.text(BaseBodies.page("c2", true, projectWithId("proj_2")))),
                Replies.json(200, BaseBodies.text(BaseBodies.page(null, false, projectWithId("proj_3")))));

        List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.async().projects().list().thenCompose(first -> first.autoPager().forEachAsync(p -> ids.add(p.id())))
                .join();

        assertThat(ids).containsExactly("proj_1", "proj_2", "proj_3");
    }

    @Test
    void aPageWithoutAnAsynchronousFetcherRefusesTheAsynchronousWalk() {
        Page<String> handMade = Page.of(List.of("a"), true, "c1", cursor -> Page.of(List.of("b"), false, null,
                c -> null));

        assertThatThrownBy(() -> handMade.autoPager().forEachAsync(s -> { }))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pageIsNotIterable() {
        assertThat(Iterable.class.isAssignableFrom(Page.class)).as("Page implements Iterable").isFalse();
    }

    @Test
    void pageDataHoldsThisPageOnly() {
        answerJson(BaseBodies.text(BaseBodies.page(null, false, BaseBodies.get("project"))));

        Page<Project> page = client.projects().list();

        assertThat(page.data()).extracting(Project::id).containsExactly("proj_1");
    }

    @Test
    void wellFormedPagesAreAllVisited() {
        answer(Replies.json(200, BaseBodies.text(BaseBodies.page("c1", true, BaseBodies.get("project")))),
                Replies.json(200, BaseBodies.text(BaseBodies.page(null, false, projectWithId("proj_2")))));

        List<String> ids = new ArrayList<>();
        client.projects().list().autoPager().forEach(p -> ids.add(p.id()));

        assertThat(ids).containsExactly("proj_1", "proj_2");
    }

    private static com.fasterxml.jackson.databind.JsonNode projectWithId(String id) {
        return BaseBodies.get("project").put("id", id);
    }
}
