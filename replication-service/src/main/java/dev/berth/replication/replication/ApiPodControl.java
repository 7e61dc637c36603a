package dev.berth.replication.replication;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;

/** {@link PodControl} through the API with the fabric8 client. */
final class ApiPodControl implements PodControl {

    private final KubernetesClient client;

    ApiPodControl(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Pod create(String namespace, Pod pod) {
        return client.pods().inNamespace(namespace).resource(pod).create();
    }

    @Override
    public void delete(String namespace, String name) {
        client.pods().inNamespace(namespace).withName(name).delete();
    }

    @Override
    public void setController(Pod pod, OwnerReference controller) {
        Pod copy = new PodBuilder(pod).build();
        List<OwnerReference> refs = new ArrayList<>(copy.getMetadata().getOwnerReferences().stream()
                .filter(r -> !Boolean.TRUE.equals(r.getController())).toList());
        if (controller != null) {
            refs.add(controller);
        }
        copy.getMetadata().setOwnerReferences(refs);
        // update() sends the cached resourceVersion: a pod changed meanwhile is a 409, not a lost write.
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(copy).update();
    }
}
