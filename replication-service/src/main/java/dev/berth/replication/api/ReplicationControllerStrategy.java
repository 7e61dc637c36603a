package dev.berth.replication.api;

import dev.berth.api.validation.HostAccessPolicy;
import dev.berth.api.web.ApiProperties;
import dev.berth.api.errors.ApiException;
import dev.berth.api.errors.FieldError;
import dev.berth.api.registry.ResourceStrategy;
import dev.berth.api.resource.CoreResources;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.validation.ReplicationControllerValidator;
import dev.berth.replication.objects.Finalizers;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replication controllers: defaulted as Kubernetes does (one replica, the selector taken from the template's
 * labels), status only through {@code /status}, and a deletion that orphans or waits for its pods leaves a
 * finalizer the replication manager finishes.
 */
@Component
class ReplicationControllerStrategy implements ResourceStrategy<ReplicationController> {

    private final HostAccessPolicy hostAccess;

    ReplicationControllerStrategy(ApiProperties properties) {
        this.hostAccess = properties.hostAccess();
    }

    @Override
    public ResourceDefinition<ReplicationController> definition() {
        return CoreResources.REPLICATION_CONTROLLERS;
    }

    @Override
    public void prepareForCreate(ReplicationController rc) {
        defaults(rc);
        ReplicationControllerStatus status = new ReplicationControllerStatus();
        status.setReplicas(0);
        rc.setStatus(status);
    }

    @Override
    public void prepareForUpdate(ReplicationController updated, ReplicationController old) {
        defaults(updated);
    }

    @Override
    public List<FieldError> validate(ReplicationController rc) {
        List<FieldError> errors = new ArrayList<>(ReplicationControllerValidator.validate(rc));
        if (rc.getSpec() != null && rc.getSpec().getTemplate() != null) {
            errors.addAll(hostAccess.check("spec.template.spec", rc.getSpec().getTemplate().getSpec()));
        }
        return errors;
    }

    @Override
    public Map<String, String> selectableFields(ReplicationController rc) {
        Integer replicas = rc.getStatus() == null ? null : rc.getStatus().getReplicas();
        return Map.of("status.replicas", String.valueOf(replicas == null ? 0 : replicas));
    }

    @Override
    public Set<String> selectableFieldNames() {
        return Set.of("status.replicas");
    }

    /** Background (the default) needs nothing: the replication manager removes pods whose owner is gone. */
    @Override
    public List<String> deletionFinalizers(ReplicationController rc, DeleteOptions options) {
        String policy = options == null ? null : options.getPropagationPolicy();
        if (policy == null && options != null && options.getOrphanDependents() != null) {
            policy = options.getOrphanDependents() ? "Orphan" : "Background";
        }
        if (policy == null) {
            return List.of();
        }
        return switch (policy) {
            case "Orphan" -> List.of(Finalizers.ORPHAN);
            case "Foreground" -> List.of(Finalizers.FOREGROUND);
            case "Background" -> List.of();
            default -> throw ApiException.badRequest("propagationPolicy: Unsupported value: \"" + policy
                    + "\": supported values: \"Background\", \"Foreground\", \"Orphan\"");
        };
    }

    private static void defaults(ReplicationController rc) {
        ReplicationControllerSpec spec = rc.getSpec();
        if (spec == null) {
            return;
        }
        if (spec.getReplicas() == null) {
            spec.setReplicas(1);
        }
        var template = spec.getTemplate();
        if ((spec.getSelector() == null || spec.getSelector().isEmpty()) && template != null
                && template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            spec.setSelector(new LinkedHashMap<>(template.getMetadata().getLabels()));
        }
        if (rc.getMetadata().getLabels() == null || rc.getMetadata().getLabels().isEmpty()) {
            if (template != null && template.getMetadata() != null && template.getMetadata().getLabels() != null) {
                rc.getMetadata().setLabels(new LinkedHashMap<>(template.getMetadata().getLabels()));
            }
        }
        if (template != null && template.getSpec() != null && template.getSpec().getRestartPolicy() == null) {
            template.getSpec().setRestartPolicy("Always");
        }
    }
}
