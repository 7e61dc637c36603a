package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A pod spec, wherever it appears: in a Pod ({@code spec}) or a controller's template ({@code spec.template.spec}). */
public final class PodSpecValidator {

    private static final List<String> RESTART_POLICIES = List.of("Always", "Never", "OnFailure");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None");
    private static final List<String> OPERATORS = List.of("Equal", "Exists");
    private static final List<String> EFFECTS = List.of("NoExecute", "NoSchedule", "PreferNoSchedule");

    private PodSpecValidator() {
    }

    public static List<FieldError> validate(String field, PodSpec spec) {
        Errors errors = new Errors();
        if (spec == null) {
            errors.add(FieldError.required(field, ""));
            return errors.list();
        }
        Set<String> volumes = volumes(field + ".volumes", spec.getVolumes(), errors);
        if (spec.getContainers().isEmpty()) {
            errors.add(FieldError.required(field + ".containers", ""));
        }
        Set<String> names = new HashSet<>();
        containers(field + ".initContainers", spec.getInitContainers(), names, volumes, errors);
        containers(field + ".containers", spec.getContainers(), names, volumes, errors);
        errors.oneOf(field + ".restartPolicy", spec.getRestartPolicy(), RESTART_POLICIES);
        errors.oneOf(field + ".dnsPolicy", spec.getDnsPolicy(), DNS_POLICIES);
        ContainerValidator.nonNegative(field + ".terminationGracePeriodSeconds", spec.getTerminationGracePeriodSeconds(),
                errors);
        if (spec.getActiveDeadlineSeconds() != null && spec.getActiveDeadlineSeconds() <= 0) {
            errors.add(FieldError.invalid(field + ".activeDeadlineSeconds", spec.getActiveDeadlineSeconds(),
                    "must be between 1 and 2147483647, inclusive"));
        }
        if (spec.getNodeName() != null && !spec.getNodeName().isEmpty()) {
            errors.check(field + ".nodeName", spec.getNodeName(), Names.dns1123Subdomain(spec.getNodeName()));
        }
        ObjectMetaValidator.labels(field + ".nodeSelector", spec.getNodeSelector(), errors);
        tolerations(field + ".tolerations", spec.getTolerations(), errors);
        return errors.list();
    }

    private static void containers(String field, List<Container> containers, Set<String> names, Set<String> volumes,
                                   Errors errors) {
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            String at = field + "[" + i + "]";
            ContainerValidator.validate(at, container, volumes, errors);
            if (container.getName() != null && !container.getName().isEmpty() && !names.add(container.getName())) {
                errors.add(FieldError.duplicate(at + ".name", container.getName()));
            }
        }
    }

    private static Set<String> volumes(String field, List<Volume> volumes, Errors errors) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            String name = volumes.get(i).getName();
            String at = field + "[" + i + "].name";
            if (name == null || name.isEmpty()) {
                errors.add(FieldError.required(at, ""));
            } else {
                errors.check(at, name, Names.dns1123Label(name));
                if (!names.add(name)) {
                    errors.add(FieldError.duplicate(at, name));
                }
            }
        }
        return names;
    }

    private static void tolerations(String field, List<Toleration> tolerations, Errors errors) {
        for (int i = 0; i < tolerations.size(); i++) {
            Toleration toleration = tolerations.get(i);
            String at = field + "[" + i + "]";
            errors.oneOf(at + ".operator", toleration.getOperator(), OPERATORS);
            if (toleration.getEffect() != null && !toleration.getEffect().isEmpty()) {
                errors.oneOf(at + ".effect", toleration.getEffect(), EFFECTS);
            }
            if ("Exists".equals(toleration.getOperator()) && toleration.getValue() != null
                    && !toleration.getValue().isEmpty()) {
                errors.add(FieldError.invalid(at + ".operator", toleration.getOperator(),
                        "value must be empty when `operator` is 'Exists'"));
            }
        }
    }
}
