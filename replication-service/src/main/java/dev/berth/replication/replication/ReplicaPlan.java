package dev.berth.replication.replication;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;

/**
 * What one sync does about the replica count: create {@code create} pods, or delete {@code delete}, at
 * most {@code burst} either way (the rest waits for the next sync, so one controller cannot flood the API).
 *
 * @param remaining how far from the desired count the controller still is after this step
 */
record ReplicaPlan(int create, List<Pod> delete, int remaining) {

    static ReplicaPlan of(int desired, List<Pod> active, int burst) {
        int diff = desired - active.size();
        if (diff > 0) {
            int create = Math.min(diff, burst);
            return new ReplicaPlan(create, List.of(), diff - create);
        }
        if (diff < 0) {
            int delete = Math.min(-diff, burst);
            List<Pod> victims = active.stream().sorted(DeletionOrder.FIRST_TO_DELETE).limit(delete).toList();
            return new ReplicaPlan(0, victims, -diff - delete);
        }
        return new ReplicaPlan(0, List.of(), 0);
    }
}
