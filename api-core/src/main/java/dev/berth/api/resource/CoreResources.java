package dev.berth.api.resource;

import io.fabric8.kubernetes.api.model.ReplicationController;

import java.util.List;

/** Definitions known to more than one server: the one that serves the resource and the ones that list it. */
public final class CoreResources {

    public static final ResourceDefinition<ReplicationController> REPLICATION_CONTROLLERS = ResourceDefinition.core(
            "replicationcontrollers", "ReplicationController", true, ReplicationController.class, List.of("rc"),
            "status", "scale");

    private CoreResources() {
    }
}
