package dev.berth.cli.describe;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds kubectl-describe text: "Key:  value" lines, indented sections, maps as key=value lists. */
final class Description {

    private final StringBuilder text = new StringBuilder();

    Description field(String key, Object value) {
        return field(0, key, value);
    }

    Description field(int indent, String key, Object value) {
        String label = "  ".repeat(indent) + key + ":";
        text.append(label).append(" ".repeat(Math.max(1, 18 - label.length())))
                .append(value == null || value.toString().isEmpty() ? "<none>" : value).append('\n');
        return this;
    }

    Description section(String title) {
        text.append(title).append(":\n");
        return this;
    }

    Description line(int indent, String line) {
        text.append("  ".repeat(indent)).append(line).append('\n');
        return this;
    }

    static String pairs(Map<String, String> map) {
        return map == null || map.isEmpty() ? "<none>" : new TreeMap<>(map).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
