package dev.berth.api.selection;

import dev.berth.api.errors.ApiException;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A label selector: requirements that must all hold. Parses the query syntax ({@code a=b,c!=d,e in (x,y),!f})
 * and converts the map and {@code matchExpressions} forms objects carry.
 */
public final class LabelSelector {

    private static final Pattern SET_BASED = Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)");
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** Parses {@code labelSelector}; a syntax error is the client's, so it becomes 400. */
    public static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String clause : splitTopLevel(selector)) {
            requirements.add(parseClause(clause.trim(), selector));
        }
        return new LabelSelector(requirements);
    }

    /** The equality selector of a map, as services and replication controllers hold it. */
    public static LabelSelector of(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return EVERYTHING;
        }
        return new LabelSelector(labels.entrySet().stream()
                .map(e -> new Requirement(e.getKey(), Requirement.Operator.IN, Set.of(e.getValue())))
                .toList());
    }

    public static LabelSelector of(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        if (selector == null) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>(of(selector.getMatchLabels()).requirements);
        for (LabelSelectorRequirement expression : selector.getMatchExpressions()) {
            requirements.add(new Requirement(expression.getKey(), operator(expression.getOperator()),
                    new LinkedHashSet<>(expression.getValues())));
        }
        return new LabelSelector(requirements);
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(actual));
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    private static Requirement parseClause(String clause, String selector) {
        if (clause.isEmpty()) {
            throw invalid(selector, "found ',', expected: !, identifier, or 'end of string'");
        }
        Matcher set = SET_BASED.matcher(clause);
        if (set.matches()) {
            Set<String> values = Arrays.stream(set.group(3).split(",", -1)).map(String::trim)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Requirement.Operator operator = set.group(2).equals("in")
                    ? Requirement.Operator.IN : Requirement.Operator.NOT_IN;
            return requirement(set.group(1), operator, values, selector);
        }
        if (clause.startsWith("!")) {
            return requirement(clause.substring(1).trim(), Requirement.Operator.DOES_NOT_EXIST, Set.of(), selector);
        }
        int notEqual = clause.indexOf("!=");
        if (notEqual >= 0) {
            return requirement(clause.substring(0, notEqual).trim(), Requirement.Operator.NOT_IN,
                    Set.of(clause.substring(notEqual + 2).trim()), selector);
        }
        int equal = clause.indexOf('=');
        if (equal >= 0) {
            int valueStart = clause.startsWith("==", equal) ? equal + 2 : equal + 1;
            return requirement(clause.substring(0, equal).trim(), Requirement.Operator.IN,
                    Set.of(clause.substring(valueStart).trim()), selector);
        }
        return requirement(clause, Requirement.Operator.EXISTS, Set.of(), selector);
    }

    private static Requirement requirement(String key, Requirement.Operator operator, Set<String> values,
                                           String selector) {
        String keyError = LabelSyntax.keyError(key);
        if (keyError != null) {
            throw invalid(selector, "key \"" + key + "\": " + keyError);
        }
        for (String value : values) {
            String valueError = LabelSyntax.valueError(value);
            if (valueError != null || value.contains(" ")) {
                throw invalid(selector, "value \"" + value + "\": "
                        + (valueError != null ? valueError : "must not contain spaces"));
            }
        }
        return new Requirement(key, operator, values);
    }

    private static Requirement.Operator operator(String operator) {
        return switch (operator) {
            case "In" -> Requirement.Operator.IN;
            case "NotIn" -> Requirement.Operator.NOT_IN;
            case "Exists" -> Requirement.Operator.EXISTS;
            case "DoesNotExist" -> Requirement.Operator.DOES_NOT_EXIST;
            default -> throw ApiException.badRequest("unsupported label selector operator \"" + operator + "\"");
        };
    }

    /** Splits on commas outside parentheses, so {@code a in (x,y),b} is two clauses. */
    private static List<String> splitTopLevel(String selector) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                clauses.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw invalid(selector, "unbalanced parentheses");
        }
        clauses.add(selector.substring(start));
        return clauses;
    }

    private static ApiException invalid(String selector, String detail) {
        return ApiException.badRequest("unable to parse requirement: labelSelector \"" + selector + "\": " + detail);
    }

    @Override
    public String toString() {
        return requirements.toString();
    }
}
