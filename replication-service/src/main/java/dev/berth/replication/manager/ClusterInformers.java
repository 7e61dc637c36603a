package dev.berth.replication.manager;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The caches all loops of one term read, one informer per kind over all namespaces. Loops register their
 * handlers before {@link #start()}.
 */
public final class ClusterInformers implements AutoCloseable {

    /** Pods by {@code spec.nodeName}, for the node lifecycle controller. */
    public static final String BY_NODE = "node";

    public final SharedIndexInformer<Pod> pods;
    public final SharedIndexInformer<ReplicationController> controllers;
    public final SharedIndexInformer<Service> services;
    public final SharedIndexInformer<Endpoints> endpoints;
    public final SharedIndexInformer<Node> nodes;

    ClusterInformers(KubernetesClient podsApi, KubernetesClient controllersApi, Duration resync) {
        long millis = resync.toMillis();
        pods = podsApi.pods().inAnyNamespace().runnableInformer(millis);
        pods.addIndexers(Map.of(BY_NODE, p -> p.getSpec() == null || p.getSpec().getNodeName() == null
                ? List.of() : List.of(p.getSpec().getNodeName())));
        controllers = controllersApi.replicationControllers().inAnyNamespace().runnableInformer(millis);
        services = podsApi.services().inAnyNamespace().runnableInformer(millis);
        endpoints = podsApi.endpoints().inAnyNamespace().runnableInformer(millis);
        nodes = podsApi.nodes().runnableInformer(millis);
    }

    private List<SharedIndexInformer<?>> all() {
        return List.of(pods, controllers, services, endpoints, nodes);
    }

    /**
     * Starts every informer; the result completes once each has listed. An API that does not answer yet
     * (the gateway or pod-service still starting) is retried with the informers' back-off rather than
     * failing the start.
     */
    CompletableFuture<Void> start() {
        all().forEach(i -> i.exceptionHandler((started, error) -> true));
        return CompletableFuture.allOf(all().stream().map(i -> i.start().toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    @Override
    public void close() {
        all().forEach(SharedIndexInformer::close);
    }
}
