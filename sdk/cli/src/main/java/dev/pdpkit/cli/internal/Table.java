package dev.pdpkit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** Renders rows as a plain-text table with upper-case headers, columns two spaces apart. */
final class Table {
    private Table() {
    }

    static String render(List<ObjectNode> rows, String... columns) {
        int[] width = new int[columns.length];
        String[][] cells = new String[rows.size()][columns.length];
        for (int c = 0; c < columns.length; c++) {
            width[c] = header(columns[c]).length();
            for (int r = 0; r < rows.size(); r++) {
                cells[r][c] = text(rows.get(r).path(columns[c]));
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, width, java.util.Arrays.stream(columns).map(Table::header).toArray(String[]::new));
        for (String[] row : cells) {
            line(sb, width, row);
        }
        return sb.toString();
    }

    /** @return a cell's text: {@code -} for null or missing, nested objects as their compact JSON */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "-";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String header(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static void line(StringBuilder sb, int[] width, String[] values) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            l.append(values[c]);
            if (c < values.length - 1) {
                l.append(" ".repeat(width[c] - values[c].length() + 2));
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
