package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Pods: metadata and spec on create; on update, only images, the deadline and new tolerations may change. */
public final class PodValidator {

    private PodValidator() {
    }

    public static List<FieldError> validate(Pod pod) {
        List<FieldError> errors = new ArrayList<>(ObjectMetaValidator.validate(pod.getMetadata(), true,
                ObjectMetaValidator.NameRule.DNS1123_SUBDOMAIN));
        errors.addAll(PodSpecValidator.validate("spec", pod.getSpec()));
        return errors;
    }

    public static List<FieldError> validateUpdate(Pod updated, Pod old) {
        List<FieldError> errors = new ArrayList<>(validate(updated));
        if (updated.getSpec() != null && old.getSpec() != null && !sameExceptMutable(updated.getSpec(), old.getSpec())) {
            errors.add(FieldError.forbidden("spec", "pod updates may not change fields other than "
                    + "`spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, "
                    + "`spec.tolerations` (only additions to existing tolerations) or "
                    + "`spec.terminationGracePeriodSeconds`"));
        }
        return errors;
    }

    /** Compares the specs with the mutable fields copied over from the update. */
    private static boolean sameExceptMutable(PodSpec updated, PodSpec old) {
        if (updated.equals(old)) {
            return true; // most updates (labels, annotations) leave the spec alone: no copies to compare
        }
        PodSpec comparable = new io.fabric8.kubernetes.api.model.PodSpecBuilder(updated).build();
        comparable.setContainers(withImagesOf(old.getContainers(), updated.getContainers()));
        comparable.setInitContainers(withImagesOf(old.getInitContainers(), updated.getInitContainers()));
        comparable.setActiveDeadlineSeconds(old.getActiveDeadlineSeconds());
        comparable.setTerminationGracePeriodSeconds(old.getTerminationGracePeriodSeconds());
        if (updated.getTolerations().containsAll(old.getTolerations())) {
            comparable.setTolerations(old.getTolerations());
        }
        return Objects.equals(comparable, old);
    }

    private static List<Container> withImagesOf(List<Container> old, List<Container> updated) {
        if (old.size() != updated.size()) {
            return updated;
        }
        List<Container> result = new ArrayList<>();
        for (int i = 0; i < updated.size(); i++) {
            Container copy = new io.fabric8.kubernetes.api.model.ContainerBuilder(updated.get(i)).build();
            copy.setImage(old.get(i).getImage());
            result.add(copy);
        }
        return result;
    }
}
