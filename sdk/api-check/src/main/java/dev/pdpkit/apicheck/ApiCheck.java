package dev.pdpkit.apicheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a module's API with its checked-in listing, and its internal-type leaks with its allowlist; or, in update
 * mode, rewrites the listing and drops allowlist entries that no longer match a leak (it never adds one: a new leak
 * is always a failure until someone decides to allow it).
 */
public final class ApiCheck {
    /** How to regenerate the listings; printed with every mismatch. */
    public static final String UPDATE_COMMAND = "mvn -B -q -pl sdk/api-check -am verify -Dtest='PublicApiTest' "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dpdpkit.api.update=true";
    private static final int MAX_SHOWN = 60;

    private ApiCheck() {
    }

    /**
     * Checks (or updates) one module.
     *
     * @param module the artifact id, for messages
     * @param types the module's API types
     * @param listing the checked-in listing file
     * @param allowlist the file of tolerated leaks, one per line, {@code #} comments; may be absent
     * @param update rewrite the listing and prune the allowlist instead of failing on a difference
     * @return the problems found, empty when the module passes
     * @throws IOException if a file cannot be read or written
     */
    public static List<String> run(String module, List<Class<?>> types, Path listing, Path allowlist, boolean update)
            throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> actual = ApiListing.render(types);
        if (update) {
            Files.createDirectories(listing.toAbsolutePath().getParent());
            Files.write(listing, actual, StandardCharsets.UTF_8);
        } else if (!Files.exists(listing)) {
            problems.add(module + ": no API listing at " + listing + "; create it with\n  " + UPDATE_COMMAND);
        } else {
            List<String> expected = Files.readAllLines(listing, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                problems.add(module + ": the public API differs from " + listing + "\n" + diff(expected, actual)
                        + "If the change is intended, regenerate the listing and commit it:\n  " + UPDATE_COMMAND);
            }
        }
        checkLeaks(module, types, allowlist, update, problems);
        return problems;
    }

    private static void checkLeaks(String module, List<Class<?>> types, Path allowlist, boolean update,
            List<String> problems) throws IOException {
        List<String> leaks = InternalLeaks.find(types);
        List<String> fileLines = Files.exists(allowlist)
                ? Files.readAllLines(allowlist, StandardCharsets.UTF_8) : List.of();
        Set<String> allowed = fileLines.stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> unallowed = leaks.stream().filter(l -> !allowed.contains(l)).collect(Collectors.toList());
        List<String> stale = allowed.stream().filter(l -> !leaks.contains(l)).collect(Collectors.toList());
        if (!unallowed.isEmpty()) {
            problems.add(module + ": " + unallowed.size() + " public signature(s) expose internal types; make the "
                    + "member non-public or the type public API (only as a stopgap, list the line in " + allowlist
                    + "):\n" + shown(unallowed, "  "));
        }
        if (!stale.isEmpty()) {
            if (update) {
                List<String> kept = fileLines.stream().filter(l -> !stale.contains(l.trim()))
                        .collect(Collectors.toList());
                Files.write(allowlist, kept, StandardCharsets.UTF_8);
            } else {
                problems.add(module + ": " + stale.size() + " allowlisted leak(s) are gone; delete them from "
                        + allowlist + " (or run the update command):\n" + shown(stale, "  "));
            }
        }
    }

    /** Differences keyed by type, so a moved line still reads as the member of the type it belongs to. */
    static String diff(List<String> expected, List<String> actual) {
        Set<String> before = qualified(expected);
        Set<String> after = qualified(actual);
        List<String> removed = before.stream().filter(l -> !after.contains(l)).collect(Collectors.toList());
        List<String> added = after.stream().filter(l -> !before.contains(l)).collect(Collectors.toList());
        StringBuilder out = new StringBuilder();
        if (!removed.isEmpty()) {
            out.append("removed (").append(removed.size()).append("):\n").append(shown(removed, "  - "));
        }
        if (!added.isEmpty()) {
            out.append("added (").append(added.size()).append("):\n").append(shown(added, "  + "));
        }
        if (removed.isEmpty() && added.isEmpty()) {
            out.append("  (same signatures, different order or layout)\n");
        }
        return out.toString();
    }

    private static Set<String> qualified(List<String> lines) {
        Set<String> out = new LinkedHashSet<>();
        String header = "";
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ")) {
                out.add(header + "  ::  " + line.trim());
            } else {
                header = typeName(line);
                out.add(line);
            }
        }
        return out;
    }

    /** The type's name from its header line, so that a changed modifier does not make every member look new. */
    private static String typeName(String header) {
        List<String> words = List.of(header.split(" "));
        for (String kind : List.of("class", "interface", "enum", "record", "@interface")) {
            int at = words.indexOf(kind);
            if (at >= 0 && at + 1 < words.size()) {
                String name = words.get(at + 1);
                return name.contains("<") ? name.substring(0, name.indexOf('<')) : name;
            }
        }
        return header;
    }

    private static String shown(List<String> lines, String prefix) {
        String body = lines.stream().limit(MAX_SHOWN).map(l -> prefix + l + "\n").collect(Collectors.joining());
        return lines.size() > MAX_SHOWN ? body + prefix + "... and " + (lines.size() - MAX_SHOWN) + " more\n" : body;
    }
}
