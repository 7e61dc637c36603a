package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Namespace;

import java.util.List;

/** Namespaces are named by DNS-1123 labels. */
public final class NamespaceValidator {

    private NamespaceValidator() {
    }

    public static List<FieldError> validate(Namespace namespace) {
        return ObjectMetaValidator.validate(namespace.getMetadata(), false, ObjectMetaValidator.NameRule.DNS1123_LABEL);
    }
}
