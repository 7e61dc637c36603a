package dev.berth.replication.replication;

import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which pods of a namespace a controller owns, should adopt (matching orphans) and should release (its own
 * pods whose labels no longer match), as Kubernetes' ControllerRefManager decides.
 */
record Claims(List<Pod> owned, List<Pod> adopt, List<Pod> release) {

    static Claims of(ReplicationController rc, List<Pod> pods) {
        List<Pod> owned = new ArrayList<>();
        List<Pod> adopt = new ArrayList<>();
        List<Pod> release = new ArrayList<>();
        String uid = rc.getMetadata().getUid();
        for (Pod pod : pods) {
            boolean matches = Pods.matches(rc.getSpec().getSelector(), pod.getMetadata().getLabels());
            Optional<OwnerReference> controller = Pods.controllerOf(pod);
            if (controller.isPresent()) {
                if (!uid.equals(controller.get().getUid())) {
                    continue;
                }
                if (matches) {
                    owned.add(pod);
                } else if (!Pods.isTerminating(pod)) {
                    release.add(pod);
                }
            } else if (matches && !Pods.isTerminating(pod) && !Pods.isTerminating(rc)) {
                adopt.add(pod);
            }
        }
        return new Claims(owned, adopt, release);
    }
}
