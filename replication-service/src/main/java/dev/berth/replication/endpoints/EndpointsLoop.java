package dev.berth.replication.endpoints;

import dev.berth.replication.loop.ControlLoop;
import dev.berth.replication.loop.WorkQueue;
import dev.berth.replication.manager.ClusterInformers;
import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The endpoints controller's loop: service and endpoints events enqueue the service; a pod event enqueues
 * every service in its namespace whose selector matches the pod's old or new labels.
 */
public final class EndpointsLoop {

    private final WorkQueue queue = new WorkQueue("endpoints", Duration.ofMillis(100), Duration.ofSeconds(30));
    private final ClusterInformers informers;
    private final ControlLoop loop;

    public EndpointsLoop(ClusterInformers informers, KubernetesClient podsApi, int workers, MeterRegistry meters) {
        this.informers = informers;
        EndpointsController controller = new EndpointsController(informers.services.getIndexer(),
                informers.pods.getIndexer(), informers.endpoints.getIndexer(), podsApi);
        this.loop = new ControlLoop("endpoints", queue, controller, workers, meters);
        informers.services.addEventHandler(handler(s -> queue.add(Pods.key(s))));
        informers.endpoints.addEventHandler(EndpointsLoop.<Endpoints>handler(e -> queue.add(Pods.key(e))));
        informers.pods.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                enqueueSelecting(pod);
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                enqueueSelecting(old);
                enqueueSelecting(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                enqueueSelecting(pod);
            }
        });
    }

    public void start() {
        loop.start();
    }

    public void stop() {
        loop.stop();
    }

    private void enqueueSelecting(Pod pod) {
        informers.services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pod.getMetadata().getNamespace()).stream()
                .filter(s -> Pods.matches(s.getSpec().getSelector(), pod.getMetadata().getLabels()))
                .forEach(s -> queue.add(Pods.key(s)));
    }

    private static <T> ResourceEventHandler<T> handler(Consumer<T> enqueue) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                enqueue.accept(object);
            }

            @Override
            public void onUpdate(T old, T object) {
                enqueue.accept(object);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                enqueue.accept(object);
            }
        };
    }
}
