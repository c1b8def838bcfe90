package dev.pdpkit.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns spec descriptions into safe Javadoc text. */
final class Docs {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern COMMENT_LINE = Pattern.compile("(\\s*)\\* (.*)");

    private Docs() {
    }

    /**
     * Converts spec text to Javadoc: HTML special characters escaped, {@code `code`} to {@code {@code code}}, blank
     * lines to paragraphs, and nothing that could end the comment or start a tag.
     *
     * @param text spec text, may be null
     * @return Javadoc text, empty for null
     */
    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.strip().split("\\n\\s*\\n")) {
            paragraphs.add(inline(p.strip().replaceAll("\\s*\\n\\s*", " ")));
        }
        return String.join("\n\n<p>", paragraphs);
    }

    /**
     * @param text spec text, may be null
     * @return the first sentence-like line of {@link #of(String)}, for summaries
     */
    static String sentence(String text) {
        String doc = of(text);
        if (doc.isEmpty()) {
            return doc;
        }
        return doc.endsWith(".") ? doc : doc + ".";
    }

    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = CODE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            out.append(code(m.group(1)));
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    /**
     * @param text plain text
     * @return it with HTML special characters, {@code @} and the comment terminator escaped
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    /**
     * @param text text to show as code, e.g. a path with {@code {id}} placeholders
     * @return {@code {@code text}} when that is safe, otherwise escaped text in {@code <code>}
     */
    static String code(String text) {
        return balanced(text) && !text.contains("*/") && !text.contains("@") && !text.contains("\n")
                ? "{@code " + text + "}" : "<code>" + escape(text) + "</code>";
    }

    /**
     * Wraps the Javadoc lines of a generated source file at {@code limit} columns. Continuation lines of a block tag
     * ({@code @param} and so on) are indented by four spaces.
     *
     * @param source the source text
     * @param limit the column limit
     * @return the source with long comment lines wrapped
     */
    static String wrapComments(String source, int limit) {
        StringBuilder out = new StringBuilder(source.length() + 256);
        for (String line : source.split("\n", -1)) {
            Matcher m = COMMENT_LINE.matcher(line);
            if (line.length() <= limit || !m.matches()) {
                out.append(line).append('\n');
                continue;
            }
            String prefix = m.group(1) + "* ";
            String continuation = prefix + (m.group(2).startsWith("@") ? "    " : "");
            StringBuilder current = new StringBuilder(prefix);
            boolean empty = true;
            for (String word : m.group(2).split(" ")) {
                if (!empty && current.length() + 1 + word.length() > limit) {
                    out.append(current).append('\n');
                    current = new StringBuilder(continuation);
                    empty = true;
                }
                if (!empty) {
                    current.append(' ');
                }
                current.append(word);
                empty = false;
            }
            out.append(current).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static boolean balanced(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
