package dev.pdpkit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.cli.CliEnvironment;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints results in the run's mode. Human (default): a table for lists, aligned {@code key  value} lines for one
 * object. {@code --json}: a JSON array for lists, an object otherwise. {@code --quiet}: only ids, one per line.
 * Results go to standard output; progress and notes to standard error (and not at all with {@code --quiet}).
 */
public final class Output {
    private final CliEnvironment env;
    private final boolean json;
    private final boolean quiet;

    Output(CliEnvironment env, boolean json, boolean quiet) {
        this.env = env;
        this.json = json;
        this.quiet = quiet;
    }

    /** @return a new empty JSON object */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @return whether {@code --json} is on */
    public boolean json() {
        return json;
    }

    /** @return whether {@code --quiet} is on */
    public boolean quiet() {
        return quiet;
    }

    /**
     * Prints a list.
     *
     * @param rows the items, each in its documented JSON shape (with an {@code id})
     * @param columns the fields shown as table columns in human mode
     */
    public void list(List<ObjectNode> rows, String... columns) {
        PrintStream out = env.out();
        if (json) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            rows.forEach(array::add);
            out.println(array.toPrettyString());
        } else if (quiet) {
            rows.forEach(r -> out.println(r.path("id").asText()));
        } else {
            out.print(Table.render(rows, columns));
        }
        out.flush();
    }

    /**
     * Prints one object.
     *
     * @param value the object in its documented JSON shape
     */
    public void object(ObjectNode value) {
        PrintStream out = env.out();
        if (json) {
            out.println(value.toPrettyString());
        } else if (quiet) {
            if (value.hasNonNull("id")) {
                out.println(value.get("id").asText());
            }
        } else {
            int width = 0;
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                width = Math.max(width, it.next().length());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.println(String.format("%-" + width + "s  %s", f.getKey(), Table.text(f.getValue())));
            }
        }
        out.flush();
    }

    /**
     * Prints the outcome of an action without a resource to show (a delete): the JSON object, or the sentence.
     *
     * @param sentence the human message
     * @param value the JSON shape
     */
    public void done(String sentence, ObjectNode value) {
        if (json) {
            env.out().println(value.toPrettyString());
        } else if (!quiet) {
            env.out().println(sentence);
        }
        env.out().flush();
    }

    /**
     * Prints a progress line or note on standard error, unless {@code --quiet}.
     *
     * @param line the text
     */
    public void note(String line) {
        if (!quiet) {
            env.err().println(line);
            env.err().flush();
        }
    }
}
