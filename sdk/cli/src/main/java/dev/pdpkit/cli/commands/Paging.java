package dev.pdpkit.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.core.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --limit}: list commands fetch every page unless it caps the number of items. */
final class Paging {
    @Option(names = "--limit", paramLabel = "N", description = "Show at most N items (default: all, every page).")
    Integer limit;

    <T> List<ObjectNode> collect(Page<T> first, Function<T, ObjectNode> view) {
        List<ObjectNode> rows = new ArrayList<>();
        Iterator<T> it = first.autoPager().iterator();
        while (it.hasNext() && (limit == null || rows.size() < limit)) {
            rows.add(view.apply(it.next()));
        }
        return rows;
    }

    <T> List<ObjectNode> collect(List<T> all, Function<T, ObjectNode> view) {
        List<ObjectNode> rows = new ArrayList<>();
        for (T item : all) {
            if (limit != null && rows.size() >= limit) {
                break;
            }
            rows.add(view.apply(item));
        }
        return rows;
    }
}
