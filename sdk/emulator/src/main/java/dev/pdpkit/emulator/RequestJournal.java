package dev.pdpkit.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The last requests of the API half, bounded both in count and in (estimated) bytes, so that no amount of traffic
 * can exhaust the heap. Bodies longer than {@value #MAX_BODY_CHARS} characters are kept truncated; bodies of
 * requests that failed authentication are never read, so never kept.
 */
final class RequestJournal {
    static final int MAX_ENTRIES = 1000;
    static final long MAX_BYTES = 8L * 1024 * 1024;
    static final int MAX_BODY_CHARS = 64 * 1024;

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private final Deque<Long> sizes = new ArrayDeque<>();
    private long bytes;

    synchronized void add(RecordedRequest r) {
        long size = estimate(r);
        entries.addLast(r);
        sizes.addLast(size);
        bytes += size;
        while (entries.size() > MAX_ENTRIES || bytes > MAX_BYTES) {
            entries.pollFirst();
            bytes -= sizes.pollFirst();
        }
    }

    synchronized List<RecordedRequest> list() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
        sizes.clear();
        bytes = 0;
    }

    /** @return the body as kept in the journal */
    static String keptBody(String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS) + "…[truncated; " + body.length() + " characters]";
    }

    /** @return headers with lower-case names and the Authorization value cut to its last four characters */
    static Map<String, List<String>> redactedHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (name.equals("authorization")) {
                List<String> redacted = new ArrayList<>();
                for (String value : v) {
                    redacted.add(value.length() > 4 ? "…" + value.substring(value.length() - 4) : "…");
                }
                out.put(name, redacted);
            } else {
                out.put(name, List.copyOf(v));
            }
        });
        return out;
    }

    private static long estimate(RecordedRequest r) {
        long n = 256L + 2L * (length(r.path()) + length(r.query()) + length(r.body()));
        for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
            n += 48 + 2L * e.getKey().length();
            for (String v : e.getValue()) {
                n += 2L * v.length() + 16;
            }
        }
        return n;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
