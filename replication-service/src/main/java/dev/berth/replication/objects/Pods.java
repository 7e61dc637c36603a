package dev.berth.replication.objects;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.util.Map;
import java.util.Optional;

/** What the controllers read from pods (and other objects) the same way everywhere. */
public final class Pods {

    private Pods() {
    }

    /** {@code namespace/name}, the informers' cache key and the work queues' key. */
    public static String key(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty()
                ? object.getMetadata().getName() : namespace + "/" + object.getMetadata().getName();
    }

    public static boolean isTerminating(HasMetadata object) {
        return object.getMetadata().getDeletionTimestamp() != null;
    }

    /** Counts toward a controller's replicas: neither being deleted nor finished. */
    public static boolean isActive(Pod pod) {
        String phase = phase(pod);
        return !isTerminating(pod) && !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }

    public static boolean isScheduled(Pod pod) {
        return pod.getSpec() != null && pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }

    public static boolean isReady(Pod pod) {
        return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    public static Optional<PodCondition> readyCondition(Pod pod) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }

    /** The owner reference marked {@code controller: true}, if any. */
    public static Optional<OwnerReference> controllerOf(HasMetadata object) {
        return object.getMetadata().getOwnerReferences().stream()
                .filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
    }

    /** A selector matches when every one of its labels is on the object; an empty selector matches nothing. */
    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }
}
