package dev.berth.replication.replication;

import dev.berth.replication.loop.ControlLoop;
import dev.berth.replication.loop.WorkQueue;
import dev.berth.replication.manager.ClusterInformers;
import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The replication manager's loop: controller events enqueue the controller; pod events record what the
 * manager expected to see and enqueue the pod's owner, or, for an orphan, every controller that could adopt it.
 */
public final class ReplicationLoop {

    private final WorkQueue queue = new WorkQueue("replication", Duration.ofMillis(100), Duration.ofSeconds(30));
    private final Expectations expectations;
    private final ClusterInformers informers;
    private final ControlLoop loop;

    public ReplicationLoop(ClusterInformers informers, KubernetesClient podsApi, KubernetesClient controllersApi,
                           int burst, int workers, MeterRegistry meters, Clock clock) {
        this.informers = informers;
        // Long enough for a slow watch to deliver; short enough that a create lost to a timeout is redone soon.
        this.expectations = new Expectations(clock, Duration.ofMinutes(1));
        ReplicationManager manager = new ReplicationManager(informers.controllers.getIndexer(),
                informers.pods.getIndexer(), new ApiPodControl(podsApi), new ApiControllerWrites(controllersApi),
                expectations, burst, clock);
        this.loop = new ControlLoop("replication", queue, manager, workers, meters);
        informers.controllers.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ReplicationController rc) {
                queue.add(Pods.key(rc));
            }

            @Override
            public void onUpdate(ReplicationController old, ReplicationController rc) {
                queue.add(Pods.key(rc));
            }

            @Override
            public void onDelete(ReplicationController rc, boolean finalStateUnknown) {
                queue.add(Pods.key(rc));
            }
        });
        informers.pods.addEventHandler(new PodHandler());
    }

    public void start() {
        loop.start();
    }

    public void stop() {
        loop.stop();
    }

    private final class PodHandler implements ResourceEventHandler<Pod> {

        @Override
        public void onAdd(Pod pod) {
            String owner = ownerKey(pod);
            if (owner == null) {
                enqueueSelecting(pod);
                return;
            }
            if (Pods.isTerminating(pod)) {
                expectations.deletionObserved(owner, Pods.key(pod));
            } else {
                expectations.creationObserved(owner);
            }
            queue.add(owner);
        }

        @Override
        public void onUpdate(Pod old, Pod pod) {
            String owner = ownerKey(pod);
            if (owner != null && Pods.isTerminating(pod) && !Pods.isTerminating(old)) {
                expectations.deletionObserved(owner, Pods.key(pod));
            }
            String oldOwner = ownerKey(old);
            if (oldOwner != null && !oldOwner.equals(owner)) {
                queue.add(oldOwner);
            }
            if (owner != null) {
                queue.add(owner);
            }
            boolean relabelled = !Objects.equals(old.getMetadata().getLabels(), pod.getMetadata().getLabels());
            if (owner == null || relabelled) {
                enqueueSelecting(pod);
            }
        }

        @Override
        public void onDelete(Pod pod, boolean finalStateUnknown) {
            String owner = ownerKey(pod);
            if (owner != null) {
                expectations.deletionObserved(owner, Pods.key(pod));
                queue.add(owner);
            }
        }

        private String ownerKey(Pod pod) {
            return Pods.controllerOf(pod).filter(r -> "ReplicationController".equals(r.getKind()))
                    .map(r -> pod.getMetadata().getNamespace() + "/" + r.getName()).orElse(null);
        }

        /** Controllers that could adopt the pod, or that should release it. */
        private void enqueueSelecting(Pod pod) {
            informers.controllers.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pod.getMetadata().getNamespace())
                    .stream().filter(rc -> Pods.matches(rc.getSpec().getSelector(), pod.getMetadata().getLabels()))
                    .forEach(rc -> queue.add(Pods.key(rc)));
        }
    }
}
