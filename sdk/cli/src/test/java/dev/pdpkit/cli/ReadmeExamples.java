package dev.pdpkit.cli;

import dev.pdpkit.fixtures.readme.Readme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pdp} lines of the README's "Command line: pdp" section (fenced bash blocks between the
 * {@code pdp-examples} markers), and the little shell they use: {@code VAR=$(pdp ...)}, {@code $VAR}, double quotes
 * and trailing comments.
 */
final class ReadmeExamples {
    private static final Pattern ASSIGN = Pattern.compile("([A-Z_][A-Z0-9_]*)=\\$\\((pdp .*)\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)}?");

    /** One example line: the variable its output is assigned to (or null) and the command line. */
    record Example(String variable, String command) {
        List<String> args(Map<String, String> vars) {
            List<String> words = split(command);
            List<String> out = new ArrayList<>();
            for (String w : words.subList(1, words.size())) {
                Matcher m = VARIABLE.matcher(w);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    String v = vars.get(m.group(1));
                    if (v == null) {
                        throw new IllegalStateException("unset variable " + m.group(1) + " in: " + command);
                    }
                    m.appendReplacement(sb, Matcher.quoteReplacement(v));
                }
                m.appendTail(sb);
                out.add(sb.toString());
            }
            return out;
        }
    }

    private ReadmeExamples() {
    }

    static List<Example> all() {
        List<Example> examples = new ArrayList<>();
        List<String> blocks;
        try {
            blocks = Readme.blocksBetween("<!-- pdp-examples:begin", "<!-- pdp-examples:end", "bash");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String block : blocks) {
            for (String raw : block.split("\n")) {
                String line = raw.strip();
                int comment = line.indexOf(" #");
                line = (comment >= 0 ? line.substring(0, comment) : line).strip();
                Matcher m = ASSIGN.matcher(line);
                if (m.matches()) {
                    examples.add(new Example(m.group(1), m.group(2)));
                } else if (line.startsWith("pdp ")) {
                    examples.add(new Example(null, line));
                } else if (!line.isEmpty()) {
                    throw new IllegalStateException("README example the test cannot run: " + line);
                }
            }
        }
        return examples;
    }

    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(w.toString());
        }
        return words;
    }
}
