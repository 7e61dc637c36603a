package dev.berth.pod.pods;

import dev.berth.api.validation.HostAccessPolicy;
import dev.berth.api.web.ApiProperties;
import dev.berth.api.errors.FieldError;
import dev.berth.api.registry.ResourceStrategy;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.validation.PodValidator;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pods: defaulted on create, status set only through {@code /status}, and deleted gracefully when a node
 * runs them (the node's agent stops the containers, then confirms with a zero grace period).
 */
@Component
class PodStrategy implements ResourceStrategy<Pod> {

    /** JSON object {@code {"<containerPort>/<protocol>": <port on the node address>}}, set by the node-agent. */
    static final String PUBLISHED_PORTS_ANNOTATION = "berth.dev/published-ports";

    static final ResourceDefinition<Pod> DEFINITION =
            ResourceDefinition.core("pods", "Pod", true, Pod.class, List.of("po"), "status", "binding", "log");

    private static final long DEFAULT_GRACE_SECONDS = 30;

    private final HostAccessPolicy hostAccess;

    PodStrategy(ApiProperties properties) {
        this.hostAccess = properties.hostAccess();
    }

    @Override
    public ResourceDefinition<Pod> definition() {
        return DEFINITION;
    }

    @Override
    public void prepareForCreate(Pod pod) {
        PodDefaults.apply(pod);
        PodStatus status = new PodStatus();
        status.setPhase("Pending");
        status.setQosClass(QosClass.of(pod.getSpec()));
        pod.setStatus(status);
    }

    @Override
    public void prepareForUpdate(Pod updated, Pod old) {
        PodDefaults.apply(updated);
    }

    /** The node-agent reports where it published the pod's ports with the status, which lives on the node. */
    @Override
    public void prepareForStatusUpdate(Pod updated, Pod requested) {
        String ports = requested.getMetadata() == null ? null
                : requested.getMetadata().getAnnotations().get(PUBLISHED_PORTS_ANNOTATION);
        if (ports == null) {
            updated.getMetadata().getAnnotations().remove(PUBLISHED_PORTS_ANNOTATION);
        } else {
            updated.getMetadata().getAnnotations().put(PUBLISHED_PORTS_ANNOTATION, ports);
        }
    }

    @Override
    public List<FieldError> validate(Pod pod) {
        List<FieldError> errors = new ArrayList<>(PodValidator.validate(pod));
        errors.addAll(hostAccess.check("spec", pod.getSpec()));
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(Pod updated, Pod old) {
        List<FieldError> errors = new ArrayList<>(PodValidator.validateUpdate(updated, old));
        errors.addAll(hostAccess.check("spec", updated.getSpec()));
        return errors;
    }

    @Override
    public Map<String, String> selectableFields(Pod pod) {
        Map<String, String> fields = new HashMap<>();
        if (pod.getSpec() != null) {
            fields.put("spec.nodeName", pod.getSpec().getNodeName());
            fields.put("spec.restartPolicy", pod.getSpec().getRestartPolicy());
            fields.put("spec.schedulerName", pod.getSpec().getSchedulerName());
            fields.put("spec.serviceAccountName", pod.getSpec().getServiceAccountName());
        }
        if (pod.getStatus() != null) {
            fields.put("status.phase", pod.getStatus().getPhase());
            fields.put("status.podIP", pod.getStatus().getPodIP());
            fields.put("status.nominatedNodeName", pod.getStatus().getNominatedNodeName());
        }
        return fields;
    }

    @Override
    public Set<String> selectableFieldNames() {
        return Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                "status.phase", "status.podIP", "status.nominatedNodeName");
    }

    /**
     * An unbound or finished pod has no containers to stop, so it goes at once; otherwise the client's
     * period, else the pod's own, else 30 s.
     */
    @Override
    public long gracePeriodSeconds(Pod pod, Long requested) {
        String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if (nodeName == null || nodeName.isEmpty() || "Succeeded".equals(phase) || "Failed".equals(phase)) {
            return 0;
        }
        if (requested != null) {
            return requested;
        }
        if (pod.getMetadata().getDeletionGracePeriodSeconds() != null) {
            return pod.getMetadata().getDeletionGracePeriodSeconds();
        }
        Long own = pod.getSpec().getTerminationGracePeriodSeconds();
        return own != null ? own : DEFAULT_GRACE_SECONDS;
    }
}
