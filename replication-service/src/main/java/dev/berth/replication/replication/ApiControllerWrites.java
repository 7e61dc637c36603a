package dev.berth.replication.replication;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ControllerWrites} through the API with the fabric8 client. */
final class ApiControllerWrites implements ControllerWrites {

    private final KubernetesClient client;

    ApiControllerWrites(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void updateStatus(ReplicationController rc, ReplicationControllerStatus status) {
        ReplicationController copy = new ReplicationControllerBuilder(rc).withStatus(status).build();
        client.replicationControllers().inNamespace(rc.getMetadata().getNamespace()).resource(copy).updateStatus();
    }

    @Override
    public void removeFinalizer(ReplicationController rc, String finalizer) {
        ReplicationController copy = new ReplicationControllerBuilder(rc).build();
        List<String> finalizers = new ArrayList<>(copy.getMetadata().getFinalizers());
        finalizers.remove(finalizer);
        copy.getMetadata().setFinalizers(finalizers);
        client.replicationControllers().inNamespace(rc.getMetadata().getNamespace()).resource(copy).update();
    }

    @Override
    public Optional<String> liveUid(String namespace, String name) {
        ReplicationController live = client.replicationControllers().inNamespace(namespace).withName(name).get();
        return Optional.ofNullable(live).map(rc -> rc.getMetadata().getUid());
    }
}
