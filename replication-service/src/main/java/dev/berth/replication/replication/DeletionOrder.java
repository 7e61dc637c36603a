package dev.berth.replication.replication;

import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.Comparator;
import java.util.Map;

/**
 * Which surplus pods go first: the ones whose loss costs least. Unscheduled before scheduled, then Pending
 * before Unknown before Running, then not ready before ready, then the newest (it has served least).
 */
final class DeletionOrder {

    private static final Map<String, Integer> PHASE_RANK = Map.of("Pending", 0, "Unknown", 1, "Running", 2);

    static final Comparator<Pod> FIRST_TO_DELETE = Comparator
            .comparing(Pods::isScheduled)
            .thenComparing(p -> PHASE_RANK.getOrDefault(Pods.phase(p), 0))
            .thenComparing(Pods::isReady)
            .thenComparing(DeletionOrder::created, Comparator.reverseOrder())
            .thenComparing(p -> p.getMetadata().getName());

    private DeletionOrder() {
    }

    /** RFC 3339 at second precision, so the strings order as the instants do. */
    private static String created(Pod pod) {
        String created = pod.getMetadata().getCreationTimestamp();
        return created == null ? "" : created;
    }
}
