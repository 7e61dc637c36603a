package dev.berth.replication.replication;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;

/** How the replication manager changes pods: the seam between deciding and acting on the API. */
public interface PodControl {

    Pod create(String namespace, Pod pod);

    /** Deletes the pod (gracefully, as the API decides); a pod already gone is not an error. */
    void delete(String namespace, String name);

    /**
     * Sets the pod's controller reference ({@code null} removes it), as a compare-and-set on the pod's
     * resourceVersion: a pod changed meanwhile is a conflict, and the next sync decides again.
     */
    void setController(Pod pod, OwnerReference controller);
}
