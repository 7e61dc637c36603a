package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a pod may ask of the node it runs on beyond its own containers: privileged containers, the node's
 * network, process and IPC namespaces, and its files (hostPath volumes). Each hands the pod the node, so a
 * cluster refuses them unless its operator allows them ({@code berth.api.allow-privileged}, as
 * kube-apiserver's {@code --allow-privileged}); the refusal is a 422 naming the field.
 */
public record HostAccessPolicy(boolean allowed) {

    private static final String DISALLOWED = "disallowed by cluster policy (berth.api.allow-privileged=false)";

    /** @param field the spec's path, {@code spec} for a pod or {@code spec.template.spec} for a template */
    public List<FieldError> check(String field, PodSpec spec) {
        if (allowed || spec == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (Boolean.TRUE.equals(spec.getHostNetwork())) {
            errors.add(FieldError.forbidden(field + ".hostNetwork", DISALLOWED));
        }
        if (Boolean.TRUE.equals(spec.getHostPID())) {
            errors.add(FieldError.forbidden(field + ".hostPID", DISALLOWED));
        }
        if (Boolean.TRUE.equals(spec.getHostIPC())) {
            errors.add(FieldError.forbidden(field + ".hostIPC", DISALLOWED));
        }
        for (int i = 0; i < spec.getVolumes().size(); i++) {
            if (spec.getVolumes().get(i).getHostPath() != null) {
                errors.add(FieldError.forbidden(field + ".volumes[" + i + "].hostPath", DISALLOWED));
            }
        }
        privileged(field + ".initContainers", spec.getInitContainers(), errors);
        privileged(field + ".containers", spec.getContainers(), errors);
        return errors;
    }

    private static void privileged(String field, List<Container> containers, List<FieldError> errors) {
        for (int i = 0; i < containers.size(); i++) {
            var context = containers.get(i).getSecurityContext();
            if (context != null && Boolean.TRUE.equals(context.getPrivileged())) {
                errors.add(FieldError.forbidden(field + "[" + i + "].securityContext.privileged", DISALLOWED));
            }
        }
    }
}
