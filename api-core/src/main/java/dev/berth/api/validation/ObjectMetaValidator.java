package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import dev.berth.api.selection.LabelSyntax;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Metadata every object must get right: its name (by the kind's rule), namespace, labels and annotations. */
public final class ObjectMetaValidator {

    private static final int MAX_ANNOTATION_BYTES = 256 * 1024;

    /** The name syntax a kind requires. */
    public enum NameRule {
        DNS1123_SUBDOMAIN(Names::dns1123Subdomain),
        DNS1123_LABEL(Names::dns1123Label),
        DNS1035_LABEL(Names::dns1035Label);

        private final UnaryOperator<String> check;

        NameRule(UnaryOperator<String> check) {
            this.check = check;
        }
    }

    private ObjectMetaValidator() {
    }

    public static List<FieldError> validate(ObjectMeta meta, boolean namespaced, NameRule rule) {
        Errors errors = new Errors();
        if (meta == null) {
            errors.add(FieldError.required("metadata", ""));
            return errors.list();
        }
        if (meta.getName() == null || meta.getName().isEmpty()) {
            errors.add(FieldError.required("metadata.name", "name or generateName is required"));
        } else {
            errors.check("metadata.name", meta.getName(), rule.check.apply(meta.getName()));
        }
        if (namespaced && meta.getNamespace() != null && !meta.getNamespace().isEmpty()) {
            errors.check("metadata.namespace", meta.getNamespace(), Names.dns1123Label(meta.getNamespace()));
        }
        labels("metadata.labels", meta.getLabels(), errors);
        annotations(meta.getAnnotations(), errors);
        return errors.list();
    }

    /** Label keys and values, also used for selectors such as a service's or a pod's nodeSelector. */
    static void labels(String field, Map<String, String> labels, Errors errors) {
        if (labels == null) {
            return;
        }
        labels.forEach((key, value) -> {
            errors.check(field, key, LabelSyntax.keyError(key));
            errors.check(field, value, LabelSyntax.valueError(value));
        });
    }

    private static void annotations(Map<String, String> annotations, Errors errors) {
        if (annotations == null) {
            return;
        }
        long bytes = 0;
        for (Map.Entry<String, String> entry : annotations.entrySet()) {
            errors.check("metadata.annotations", entry.getKey(), LabelSyntax.keyError(entry.getKey()));
            bytes += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (entry.getValue() == null ? 0 : entry.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (bytes > MAX_ANNOTATION_BYTES) {
            errors.add(FieldError.tooLong("metadata.annotations", "", MAX_ANNOTATION_BYTES));
        }
    }
}
