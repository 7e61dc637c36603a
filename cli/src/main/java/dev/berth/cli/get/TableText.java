package dev.berth.cli.get;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a server-side {@code meta.k8s.io/v1} Table as kubectl does: upper-case headers, columns padded to
 * their widest cell and three spaces apart, priority-1 columns only for {@code -o wide}.
 */
final class TableText {

    private final List<Integer> shown = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private final boolean withNamespace;

    /** Chooses the columns from a Table's column definitions. */
    TableText(JsonNode table, boolean wide, boolean withNamespace) {
        this.withNamespace = withNamespace;
        JsonNode columns = table.path("columnDefinitions");
        for (int i = 0; i < columns.size(); i++) {
            if (wide || columns.get(i).path("priority").asInt(0) == 0) {
                shown.add(i);
                headers.add(columns.get(i).path("name").asString().toUpperCase(java.util.Locale.ROOT));
            }
        }
    }

    List<String> header() {
        List<String> cells = new ArrayList<>(headers);
        if (withNamespace) {
            cells.add(0, "NAMESPACE");
        }
        return cells;
    }

    List<List<String>> rows(JsonNode table) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.path("rows")) {
            List<String> cells = new ArrayList<>();
            if (withNamespace) {
                cells.add(row.path("object").path("metadata").path("namespace").asString(""));
            }
            for (int index : shown) {
                JsonNode cell = row.path("cells").path(index);
                cells.add(cell.isNull() || cell.isMissingNode() ? "<none>" : cell.asString());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Lays out lines with every column as wide as its widest cell; the last column is not padded. */
    static String layout(List<List<String>> lines) {
        int columns = lines.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                out.append(cell);
                if (i < line.size() - 1) {
                    out.append(" ".repeat(widths[i] - cell.length() + 3));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
