package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Services: type, ports (named when several), a selector of valid labels; the cluster IP never changes. */
public final class ServiceValidator {

    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final List<String> AFFINITIES = List.of("ClientIP", "None");

    private ServiceValidator() {
    }

    public static List<FieldError> validate(Service service) {
        Errors errors = new Errors();
        errors.addAll(ObjectMetaValidator.validate(service.getMetadata(), true,
                ObjectMetaValidator.NameRule.DNS1035_LABEL));
        ServiceSpec spec = service.getSpec();
        if (spec == null) {
            errors.add(FieldError.required("spec", ""));
            return errors.list();
        }
        errors.oneOf("spec.type", spec.getType(), TYPES);
        errors.oneOf("spec.sessionAffinity", spec.getSessionAffinity(), AFFINITIES);
        boolean externalName = "ExternalName".equals(spec.getType());
        boolean headless = "None".equals(spec.getClusterIP());
        if (externalName) {
            if (spec.getExternalName() == null || spec.getExternalName().isEmpty()) {
                errors.add(FieldError.required("spec.externalName", ""));
            }
        } else if (spec.getPorts().isEmpty() && !headless) {
            errors.add(FieldError.required("spec.ports", ""));
        }
        if (spec.getClusterIP() != null && !spec.getClusterIP().isEmpty() && !headless) {
            errors.check("spec.clusterIP", spec.getClusterIP(), Names.ip(spec.getClusterIP()));
        }
        ports(spec, errors);
        ObjectMetaValidator.labels("spec.selector", spec.getSelector(), errors);
        return errors.list();
    }

    public static List<FieldError> validateUpdate(Service updated, Service old) {
        List<FieldError> errors = new ArrayList<>(validate(updated));
        String before = old.getSpec() == null ? null : old.getSpec().getClusterIP();
        String after = updated.getSpec() == null ? null : updated.getSpec().getClusterIP();
        if (before != null && !before.isEmpty() && after != null && !after.isEmpty() && !Objects.equals(before, after)) {
            errors.add(FieldError.invalid("spec.clusterIP", after, "field is immutable"));
        }
        return errors;
    }

    private static void ports(ServiceSpec spec, Errors errors) {
        boolean nodePorts = "NodePort".equals(spec.getType()) || "LoadBalancer".equals(spec.getType());
        Set<String> names = new HashSet<>();
        List<ServicePort> ports = spec.getPorts();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort port = ports.get(i);
            String at = "spec.ports[" + i + "]";
            if (port.getName() == null || port.getName().isEmpty()) {
                if (ports.size() > 1) {
                    errors.add(FieldError.required(at + ".name", ""));
                }
            } else {
                errors.check(at + ".name", port.getName(), Names.dns1123Label(port.getName()));
                if (!names.add(port.getName())) {
                    errors.add(FieldError.duplicate(at + ".name", port.getName()));
                }
            }
            errors.port(at + ".port", port.getPort(), true);
            errors.oneOf(at + ".protocol", port.getProtocol(), ContainerValidator.PROTOCOLS);
            if (port.getTargetPort() != null) {
                ContainerValidator.port(at + ".targetPort", port.getTargetPort(), errors);
            }
            if (port.getNodePort() != null && port.getNodePort() != 0) {
                if (!nodePorts) {
                    errors.add(FieldError.forbidden(at + ".nodePort", "may not be used when `type` is '"
                            + (spec.getType() == null ? "ClusterIP" : spec.getType()) + "'"));
                } else {
                    errors.port(at + ".nodePort", port.getNodePort(), false);
                }
            }
        }
    }
}
