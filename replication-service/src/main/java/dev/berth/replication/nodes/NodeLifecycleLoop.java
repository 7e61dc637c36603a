package dev.berth.replication.nodes;

import dev.berth.replication.loop.ControlLoop;
import dev.berth.replication.loop.WorkQueue;
import dev.berth.replication.manager.ClusterInformers;
import dev.berth.replication.manager.ControllerProperties;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node lifecycle loop: node events enqueue the node, and since silence produces no events, every node
 * is also enqueued each monitor period.
 */
public final class NodeLifecycleLoop {

    private final WorkQueue queue = new WorkQueue("nodes", Duration.ofMillis(100), Duration.ofSeconds(30));
    private final ClusterInformers informers;
    private final ControlLoop loop;
    private final Duration monitorPeriod;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "nodes-monitor");
        thread.setDaemon(true);
        return thread;
    });

    public NodeLifecycleLoop(ClusterInformers informers, KubernetesClient podsApi, ControllerProperties.Nodes properties,
                             int workers, MeterRegistry meters, Clock clock) {
        this.informers = informers;
        this.monitorPeriod = properties.monitorPeriod();
        NodeLifecycleController controller = new NodeLifecycleController(informers.nodes.getIndexer(),
                informers.pods.getIndexer(), podsApi, properties, clock);
        this.loop = new ControlLoop("nodes", queue, controller, workers, meters);
        informers.nodes.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
                queue.add(node.getMetadata().getName());
            }

            @Override
            public void onUpdate(Node old, Node node) {
                queue.add(node.getMetadata().getName());
            }

            @Override
            public void onDelete(Node node, boolean finalStateUnknown) {
                queue.add(node.getMetadata().getName());
            }
        });
    }

    public void start() {
        loop.start();
        ticker.scheduleWithFixedDelay(() -> informers.nodes.getIndexer().list()
                        .forEach(n -> queue.add(n.getMetadata().getName())),
                monitorPeriod.toMillis(), monitorPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        ticker.shutdownNow();
        loop.stop();
    }
}
