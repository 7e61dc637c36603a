package dev.berth.cli.get;

import dev.berth.cli.UserError;

/** The {@code -o} formats: tables (plain or wide) come from the server, the rest are the objects themselves. */
enum Format {
    TABLE, WIDE, JSON, YAML, NAME;

    static Format parse(String output) {
        if (output == null) {
            return TABLE;
        }
        return switch (output) {
            case "wide" -> WIDE;
            case "json" -> JSON;
            case "yaml" -> YAML;
            case "name" -> NAME;
            default -> throw new UserError("unsupported output format \"" + output
                    + "\": use wide, json, yaml or name (kubectl has jsonpath and templates: ./berth kubectl get ...)");
        };
    }

    boolean isTable() {
        return this == TABLE || this == WIDE;
    }
}
