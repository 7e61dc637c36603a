package dev.berth.api.selection;

import java.util.Map;
import java.util.Set;

/** One clause of a label selector: {@code key}, {@code !key}, {@code key=v}, {@code key!=v}, {@code key in (a,b)}. */
public record Requirement(String key, Operator operator, Set<String> values) {

    public enum Operator { EXISTS, DOES_NOT_EXIST, IN, NOT_IN }

    public Requirement {
        values = Set.copyOf(values);
    }

    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
            case IN -> value != null && values.contains(value);
            // As in Kubernetes, "key!=v" also matches objects without the key.
            case NOT_IN -> value == null || !values.contains(value);
        };
    }
}
