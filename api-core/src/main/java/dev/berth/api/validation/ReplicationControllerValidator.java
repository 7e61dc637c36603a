package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import dev.berth.api.selection.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;

import java.util.List;

/** Replication controllers: non-negative replicas and a template whose labels the selector matches. */
public final class ReplicationControllerValidator {

    private ReplicationControllerValidator() {
    }

    public static List<FieldError> validate(ReplicationController controller) {
        Errors errors = new Errors();
        errors.addAll(ObjectMetaValidator.validate(controller.getMetadata(), true,
                ObjectMetaValidator.NameRule.DNS1123_SUBDOMAIN));
        ReplicationControllerSpec spec = controller.getSpec();
        if (spec == null) {
            errors.add(FieldError.required("spec", ""));
            return errors.list();
        }
        ContainerValidator.nonNegative("spec.replicas", spec.getReplicas(), errors);
        if (spec.getSelector() == null || spec.getSelector().isEmpty()) {
            errors.add(FieldError.required("spec.selector", ""));
        } else {
            ObjectMetaValidator.labels("spec.selector", spec.getSelector(), errors);
        }
        PodTemplateSpec template = spec.getTemplate();
        if (template == null) {
            errors.add(FieldError.required("spec.template", ""));
            return errors.list();
        }
        var labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        if (spec.getSelector() != null && !spec.getSelector().isEmpty()
                && !LabelSelector.of(spec.getSelector()).matches(labels)) {
            errors.add(FieldError.invalid("spec.template.metadata.labels", String.valueOf(labels),
                    "`selector` does not match template `labels`"));
        }
        if (template.getMetadata() != null) {
            ObjectMetaValidator.labels("spec.template.metadata.labels", labels, errors);
        }
        errors.addAll(PodSpecValidator.validate("spec.template.spec", template.getSpec()));
        if (template.getSpec() != null && template.getSpec().getRestartPolicy() != null
                && !"Always".equals(template.getSpec().getRestartPolicy())) {
            errors.add(FieldError.notSupported("spec.template.spec.restartPolicy",
                    template.getSpec().getRestartPolicy(), List.of("Always")));
        }
        return errors.list();
    }
}
