package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects field errors while a validator walks an object. */
final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(FieldError error) {
        errors.add(error);
    }

    void addAll(Collection<FieldError> more) {
        errors.addAll(more);
    }

    /** Adds an Invalid error when {@code reason} (a {@link Names} check result) is non-null. */
    void check(String field, Object value, String reason) {
        if (reason != null) {
            errors.add(FieldError.invalid(field, value, reason));
        }
    }

    void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            errors.add(FieldError.required(field, ""));
        }
    }

    void oneOf(String field, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(FieldError.notSupported(field, value, allowed));
        }
    }

    void port(String field, Integer port, boolean required) {
        if (port == null || port == 0) {
            if (required) {
                errors.add(FieldError.required(field, ""));
            }
            return;
        }
        if (port < 1 || port > 65535) {
            errors.add(FieldError.invalid(field, port, "must be between 1 and 65535, inclusive"));
        }
    }

    List<FieldError> list() {
        return List.copyOf(errors);
    }
}
