package dev.berth.replication.replication;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;

import java.util.Optional;

/** How the replication manager writes replication controllers back, and checks one live past its cache. */
public interface ControllerWrites {

    /** PUT on {@code /status} with the cached resourceVersion: a stale cache is a conflict and a retry. */
    void updateStatus(ReplicationController rc, ReplicationControllerStatus status);

    /** Removes one finalizer; the API deletes the controller when it was the last. */
    void removeFinalizer(ReplicationController rc, String finalizer);

    /** The uid of the controller as the API has it now, empty when there is none. */
    Optional<String> liveUid(String namespace, String name);
}
