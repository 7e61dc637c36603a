package dev.berth.api.selection;

import dev.berth.api.errors.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A field selector: {@code field=value}, {@code field==value} and {@code field!=value} clauses that must all
 * hold. Only the fields a resource declares selectable may be used, as in Kubernetes.
 */
public final class FieldSelector {

    /** One clause; {@code equal} is false for {@code !=}. */
    public record Term(String field, String value, boolean equal) {

        boolean matches(String actual) {
            return Objects.equals(actual == null ? "" : actual, value) == equal;
        }
    }

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static FieldSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String clause : selector.split(",", -1)) {
            terms.add(parseTerm(clause.trim(), selector));
        }
        return new FieldSelector(terms);
    }

    public List<Term> fields() {
        return terms;
    }

    /** Rejects fields the resource cannot be selected by, with the message kubectl users know. */
    public void requireSupported(Set<String> supported, String resource) {
        for (Term term : terms) {
            if (!supported.contains(term.field())) {
                throw ApiException.badRequest("field label not supported: " + term.field()
                        + " (supported for " + resource + ": " + String.join(", ", supported) + ")");
            }
        }
    }

    /** Tests the selector against an object's field values; a missing field counts as empty. */
    public boolean matches(Function<String, String> values) {
        return terms.stream().allMatch(t -> t.matches(values.apply(t.field())));
    }


    private static Term parseTerm(String clause, String selector) {
        int notEqual = clause.indexOf("!=");
        if (notEqual >= 0) {
            return term(clause.substring(0, notEqual), clause.substring(notEqual + 2), false, selector);
        }
        int equal = clause.indexOf('=');
        if (equal < 0) {
            throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + clause + "'");
        }
        int valueStart = clause.startsWith("==", equal) ? equal + 2 : equal + 1;
        return term(clause.substring(0, equal), clause.substring(valueStart), true, selector);
    }

    private static Term term(String field, String value, boolean equal, String selector) {
        if (field.isBlank()) {
            throw ApiException.badRequest("invalid selector: '" + selector + "'; a field name is required");
        }
        return new Term(field.trim(), value.trim(), equal);
    }

    @Override
    public String toString() {
        return terms.toString();
    }
}
