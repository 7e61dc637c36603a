package dev.berth.replication.endpoints;

import dev.berth.replication.loop.Reconciler;
import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;

import java.util.List;
import java.util.Objects;

/**
 * Keeps each selector service's Endpoints equal to what {@link EndpointSubsets} computes from the pods it
 * selects (Kubernetes' endpoints controller). Services without a selector keep hand-written endpoints; a
 * deleted service's endpoints are deleted.
 */
final class EndpointsController implements Reconciler {

    private final Indexer<Service> services;
    private final Indexer<Pod> pods;
    private final Indexer<Endpoints> endpoints;
    private final KubernetesClient api;

    EndpointsController(Indexer<Service> services, Indexer<Pod> pods, Indexer<Endpoints> endpoints,
                        KubernetesClient api) {
        this.services = services;
        this.pods = pods;
        this.endpoints = endpoints;
        this.api = api;
    }

    @Override
    public Result reconcile(String key) {
        Service service = services.getByKey(key);
        Endpoints current = endpoints.getByKey(key);
        if (service == null) {
            if (current != null) {
                api.endpoints().inNamespace(current.getMetadata().getNamespace())
                        .withName(current.getMetadata().getName()).delete();
            }
            return Result.DONE;
        }
        var selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return Result.DONE;
        }
        String namespace = service.getMetadata().getNamespace();
        List<Pod> selected = pods.byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
                .filter(p -> Pods.matches(selector, p.getMetadata().getLabels())).toList();
        List<EndpointSubset> subsets = EndpointSubsets.of(service, selected);
        if (current != null && current.getSubsets().equals(subsets)
                && Objects.equals(current.getMetadata().getLabels(), service.getMetadata().getLabels())) {
            return Result.DONE;
        }
        Endpoints desired = new EndpointsBuilder()
                .withNewMetadata().withName(service.getMetadata().getName()).withNamespace(namespace)
                .withLabels(service.getMetadata().getLabels())
                .withResourceVersion(current == null ? null : current.getMetadata().getResourceVersion())
                .endMetadata()
                .withSubsets(subsets).build();
        if (current == null) {
            api.endpoints().inNamespace(namespace).resource(desired).create();
        } else {
            api.endpoints().inNamespace(namespace).resource(desired).update();
        }
        return Result.DONE;
    }
}
