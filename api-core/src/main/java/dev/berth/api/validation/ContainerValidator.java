package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One container of a pod spec: name, image, pull policy, ports, environment, resources and probes. */
final class ContainerValidator {

    static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

    private ContainerValidator() {
    }

    static void validate(String field, Container container, Set<String> volumes, Errors errors) {
        if (container.getName() == null || container.getName().isEmpty()) {
            errors.required(field + ".name", container.getName());
        } else {
            errors.check(field + ".name", container.getName(), Names.dns1123Label(container.getName()));
        }
        if (container.getImage() == null || container.getImage().isBlank()) {
            errors.add(FieldError.required(field + ".image", ""));
        }
        errors.oneOf(field + ".imagePullPolicy", container.getImagePullPolicy(), PULL_POLICIES);
        ports(field + ".ports", container.getPorts(), errors);
        env(field + ".env", container.getEnv(), errors);
        Resources.validate(field + ".resources", container.getResources(), errors);
        probe(field + ".livenessProbe", container.getLivenessProbe(), errors);
        probe(field + ".readinessProbe", container.getReadinessProbe(), errors);
        probe(field + ".startupProbe", container.getStartupProbe(), errors);
        for (int i = 0; i < container.getVolumeMounts().size(); i++) {
            String name = container.getVolumeMounts().get(i).getName();
            String mount = field + ".volumeMounts[" + i + "]";
            if (name == null || !volumes.contains(name)) {
                errors.add(FieldError.notFound(mount + ".name", name));
            }
            errors.required(mount + ".mountPath", container.getVolumeMounts().get(i).getMountPath());
        }
    }

    private static void ports(String field, List<ContainerPort> ports, Errors errors) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ContainerPort port = ports.get(i);
            String at = field + "[" + i + "]";
            errors.port(at + ".containerPort", port.getContainerPort(), true);
            errors.port(at + ".hostPort", port.getHostPort(), false);
            errors.oneOf(at + ".protocol", port.getProtocol(), PROTOCOLS);
            if (port.getName() != null && !port.getName().isEmpty()) {
                errors.check(at + ".name", port.getName(), Names.ianaServiceName(port.getName()));
                if (!names.add(port.getName())) {
                    errors.add(FieldError.duplicate(at + ".name", port.getName()));
                }
            }
        }
    }

    private static void env(String field, List<EnvVar> env, Errors errors) {
        for (int i = 0; i < env.size(); i++) {
            EnvVar var = env.get(i);
            String at = field + "[" + i + "]";
            if (var.getName() == null || var.getName().isEmpty()) {
                errors.add(FieldError.required(at + ".name", ""));
            } else {
                errors.check(at + ".name", var.getName(), Names.envVarName(var.getName()));
            }
            if (var.getValueFrom() != null && var.getValue() != null && !var.getValue().isEmpty()) {
                errors.add(FieldError.invalid(at + ".valueFrom", "",
                        "may not be specified when `value` is not empty"));
            }
        }
    }

    private static void probe(String field, Probe probe, Errors errors) {
        if (probe == null) {
            return;
        }
        int handlers = (probe.getExec() != null ? 1 : 0) + (probe.getHttpGet() != null ? 1 : 0)
                + (probe.getTcpSocket() != null ? 1 : 0) + (probe.getGrpc() != null ? 1 : 0);
        if (handlers == 0) {
            errors.add(FieldError.required(field, "must specify a handler type"));
        } else if (handlers > 1) {
            errors.add(FieldError.forbidden(field, "may not specify more than 1 handler type"));
        }
        if (probe.getHttpGet() != null) {
            port(field + ".httpGet.port", probe.getHttpGet().getPort(), errors);
        }
        if (probe.getTcpSocket() != null) {
            port(field + ".tcpSocket.port", probe.getTcpSocket().getPort(), errors);
        }
        nonNegative(field + ".initialDelaySeconds", probe.getInitialDelaySeconds(), errors);
        nonNegative(field + ".periodSeconds", probe.getPeriodSeconds(), errors);
        nonNegative(field + ".timeoutSeconds", probe.getTimeoutSeconds(), errors);
        nonNegative(field + ".failureThreshold", probe.getFailureThreshold(), errors);
        nonNegative(field + ".successThreshold", probe.getSuccessThreshold(), errors);
    }

    /** A port given by number (1-65535) or by the name of a container port. */
    static void port(String field, IntOrString port, Errors errors) {
        if (port == null) {
            errors.add(FieldError.required(field, ""));
        } else if (port.getIntVal() != null) {
            errors.port(field, port.getIntVal(), true);
        } else {
            errors.check(field, port.getStrVal(), Names.ianaServiceName(port.getStrVal()));
        }
    }

    static void nonNegative(String field, Number value, Errors errors) {
        if (value != null && value.longValue() < 0) {
            errors.add(FieldError.invalid(field, value, "must be greater than or equal to 0"));
        }
    }
}
