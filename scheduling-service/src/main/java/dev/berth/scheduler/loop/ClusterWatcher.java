package dev.berth.scheduler.loop;

import dev.berth.scheduler.cache.ClusterCache;
import dev.berth.scheduler.framework.PodInfo;
import dev.berth.scheduler.plugins.SpreadGroups;
import dev.berth.scheduler.queue.SchedulingQueue;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.Map;

/**
 * Informers on nodes, pods and services feeding the cache and the queue; their handlers only record what
 * changed. All pods are watched, not only unscheduled ones: the cache needs the bound pods to know each
 * node's free room. Runs on standbys too, so a new leader starts with a warm view.
 */
public final class ClusterWatcher implements SmartLifecycle, SpreadGroups {

    private static final Logger log = LoggerFactory.getLogger(ClusterWatcher.class);

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final SchedulingQueue queue;
    private final String schedulerName;
    private SharedIndexInformer<Node> nodes;
    private SharedIndexInformer<Service> services;
    private SharedIndexInformer<Pod> pods;

    public ClusterWatcher(KubernetesClient client, ClusterCache cache, SchedulingQueue queue, String schedulerName) {
        this.client = client;
        this.cache = cache;
        this.queue = queue;
        this.schedulerName = schedulerName;
    }

    @Override
    public void start() {
        nodes = keepTrying(client.nodes().runnableInformer(0));
        nodes.addEventHandler(handler(this::nodeChanged, n -> cache.removeNode(n.getMetadata().getName())));
        services = keepTrying(client.services().inAnyNamespace().runnableInformer(0));
        pods = keepTrying(client.pods().inAnyNamespace().runnableInformer(0));
        pods.addEventHandler(handler(this::podChanged, this::podDeleted));
        for (SharedIndexInformer<?> informer : List.of(nodes, services, pods)) {
            informer.start();
        }
    }

    /**
     * An API that is slow or down when the scheduler starts must only delay it: by default a failed first list
     * stops an informer for good, which would leave a leader that never schedules.
     */
    private static <T> SharedIndexInformer<T> keepTrying(SharedIndexInformer<T> informer) {
        return informer.exceptionHandler((started, error) -> {
            log.warn("Listing or watching {} failed, retrying: {}", informer.getApiTypeClass().getSimpleName(),
                    error.toString());
            return true;
        });
    }

    /** Blocks until every informer has listed once. */
    public void awaitSynced() throws InterruptedException {
        while (!(nodes.hasSynced() && services.hasSynced() && pods.hasSynced())) {
            Thread.sleep(100);
        }
    }

    @Override
    public List<Map<String, String>> serviceSelectors(String namespace) {
        return services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
                .map(s -> s.getSpec() == null || s.getSpec().getSelector() == null ? Map.<String, String>of()
                        : s.getSpec().getSelector())
                .toList();
    }

    private void nodeChanged(Node node) {
        if (cache.upsertNode(node)) {
            queue.clusterChanged();
        }
    }

    private void podChanged(Pod pod) {
        String key = PodInfo.key(pod);
        String node = pod.getSpec().getNodeName();
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            podDeleted(pod);
        } else if (node != null && !node.isEmpty()) {
            cache.addBoundPod(PodInfo.of(pod), node);
            queue.delete(key);
        } else if (pod.getMetadata().getDeletionTimestamp() != null || !responsibleFor(pod)) {
            queue.delete(key);
        } else {
            queue.add(pod);
        }
    }

    private void podDeleted(Pod pod) {
        String key = PodInfo.key(pod);
        boolean freesRoom = cache.isPlaced(key);
        cache.removePod(key);
        queue.delete(key);
        if (freesRoom) {
            queue.clusterChanged();
        }
    }

    private boolean responsibleFor(Pod pod) {
        String name = pod.getSpec().getSchedulerName();
        return name == null || name.isEmpty() || name.equals(schedulerName);
    }

    @Override
    public void stop() {
        for (SharedIndexInformer<?> informer : new SharedIndexInformer<?>[]{pods, services, nodes}) {
            if (informer != null) {
                informer.stop();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return pods != null && pods.isRunning();
    }

    private static <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> changed,
                                                       java.util.function.Consumer<T> deleted) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                changed.accept(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changed.accept(newObj);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                deleted.accept(obj);
            }
        };
    }
}
