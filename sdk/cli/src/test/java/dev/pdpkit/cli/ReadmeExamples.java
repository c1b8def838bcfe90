package dev.pdpkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate) && read(candidate).contains("<!-- pdp-examples:begin")) {
                return candidate;
            }
        }
        throw new IllegalStateException("README.md with the pdp examples not found above " + Path.of("").toAbsolutePath());
    }

    static List<Example> all() {
        String text = read(readme());
        String section = text.substring(text.indexOf("<!-- pdp-examples:begin"), text.indexOf("<!-- pdp-examples:end"));
        List<Example> examples = new ArrayList<>();
        boolean inBash = false;
        for (String raw : section.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                inBash = !inBash && line.equals("```bash");
                continue;
            }
            if (!inBash) {
                continue;
            }
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

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
