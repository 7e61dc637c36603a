package dev.berth.api.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One entry of an Accept header: {@code type/subtype;param=value}, with its quality. */
record MediaRange(String type, Map<String, String> params, double quality) {

    /** Entries in preference order: by quality, highest first, keeping the header's order among equals. */
    static List<MediaRange> parseAll(String header) {
        List<MediaRange> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return ranges;
        }
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                ranges.add(parse(part));
            }
        }
        ranges.sort(Comparator.comparingDouble(MediaRange::quality).reversed()); // stable sort
        return ranges;
    }

    static MediaRange parse(String text) {
        String[] pieces = text.split(";");
        Map<String, String> params = new HashMap<>();
        double quality = 1.0;
        for (int i = 1; i < pieces.length; i++) {
            int eq = pieces[i].indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = pieces[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(pieces[i].substring(eq + 1).trim());
            if (key.equals("q")) {
                quality = parseQuality(value);
            } else {
                params.put(key, value);
            }
        }
        return new MediaRange(pieces[0].trim().toLowerCase(Locale.ROOT), params, quality);
    }

    String param(String name) {
        return params.get(name);
    }

    /** Types Berth answers with JSON. */
    boolean isJsonCompatible() {
        return type.equals("application/json") || type.equals("application/*") || type.equals("*/*");
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static double parseQuality(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
