package dev.berth.node.sync;

import dev.berth.node.Informers;
import dev.berth.node.NodeAgentProperties;
import dev.berth.node.events.EventRecorder;
import dev.berth.node.probe.ProbeManager;
import dev.berth.node.runtime.ContainerRuntime;
import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.RuntimeContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps the containers of the pods bound to this node as their specs say. Level-triggered: informer events
 * and a periodic resync only request a sync of a pod; its worker ({@link PodWorkers}: one per pod, pods in
 * parallel) reconciles it from the informer's cache and the engine's state, so a missed event or a crashed
 * container is caught at the next resync.
 */
@Component
class PodSyncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PodSyncer.class);

    private final KubernetesClient client;
    private final ContainerRuntime runtime;
    private final NodeAgentProperties properties;
    private final Clock clock;
    private final ContainerStarter starter;
    private final ProbeManager probes;
    private final EventRecorder events;
    private final PodWorkers workers = new PodWorkers(this::sync);
    private final ScheduledExecutorService resyncs = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "berth-pod-resync");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SharedIndexInformer<Pod> informer;
    private volatile boolean running;

    PodSyncer(KubernetesClient client, ContainerRuntime runtime, NodeAgentProperties properties, Clock clock,
              ContainerStarter starter, ProbeManager probes, EventRecorder events) {
        this.client = client;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        this.starter = starter;
        this.probes = probes;
        this.events = events;
    }

    @Override
    public void start() {
        running = true;
        SharedIndexInformer<Pod> pods = client.pods().inAnyNamespace()
                .withField("spec.nodeName", properties.nodeName()).runnableInformer(0);
        pods.addEventHandler(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Pod pod) {
                    enqueue(pod);
                }

                @Override
                public void onUpdate(Pod old, Pod pod) {
                    enqueue(pod);
                }

                @Override
                public void onDelete(Pod pod, boolean finalStateUnknown) {
                    probes.forget(pod.getMetadata().getUid());
                    enqueue(pod);
                }
        });
        informer = Informers.started(pods, "pods bound to " + properties.nodeName());
        long resync = properties.resyncInterval().toMillis();
        resyncs.scheduleWithFixedDelay(this::resync, resync, resync, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (informer != null) {
            informer.close();
        }
        resyncs.shutdownNow();
        workers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void enqueue(Pod pod) {
        workers.request(Cache.metaNamespaceKeyFunc(pod));
    }

    /** Revisits every pod, and removes containers whose pod no longer exists on this node. */
    private void resync() {
        try {
            List<Pod> pods = informer.getStore().list();
            pods.forEach(this::enqueue);
            Set<String> uids = pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
            for (RuntimeContainer orphan : runtime.list(Map.of(Labels.MANAGED, "true",
                    Labels.NODE_NAME, properties.nodeName()))) {
                if (!uids.contains(orphan.labels().get(Labels.POD_UID)) && informer.hasSynced()) {
                    log.info("Removing container {} of a pod that no longer exists", orphan.name());
                    runtime.stop(orphan.id(), Duration.ofSeconds(2));
                    runtime.remove(orphan.id());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Resync failed: {}", e.getMessage());
        }
    }

    private void sync(String key) {
        try {
            Pod pod = informer.getStore().getByKey(key);
            if (pod != null) {
                reconcile(pod);
            }
        } catch (RuntimeException e) {
            // The next resync retries; a persistent failure shows in the pod's status or the log.
            log.warn("Syncing pod {} failed: {}", key, e.getMessage());
        }
    }

    private void reconcile(Pod pod) {
        Map<String, String> mine = Map.of(Labels.POD_UID, pod.getMetadata().getUid());
        List<RuntimeContainer> containers = runtime.list(mine);
        Set<String> unhealthy = containers.stream().map(RuntimeContainer::id).filter(probes::unhealthy)
                .collect(Collectors.toSet());
        PodActions actions = PodActionsCalculator.compute(pod, containers, unhealthy, clock.instant());
        Duration grace = gracePeriod(pod);
        actions.kill().forEach((id, why) -> {
            containers.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(c -> events.normal(pod,
                    "Killing", "Stopping container " + c.labels().get(Labels.CONTAINER_NAME) + ": " + why));
            runtime.stop(id, grace);
        });
        actions.remove().forEach(runtime::remove);
        actions.backOff().keySet().forEach(name -> events.warning(pod, "BackOff",
                "Back-off restarting failed container " + name + " in pod " + pod.getMetadata().getName()));
        Map<String, String> waiting = new HashMap<>();
        for (PodActions.Start start : actions.start()) {
            var container = pod.getSpec().getContainers().get(start.index());
            starter.start(pod, container, start.restartCount())
                    .ifPresent(reason -> waiting.put(container.getName(), reason));
        }
        List<RuntimeContainer> after = runtime.list(mine);
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            probes.forget(pod.getMetadata().getUid());
            confirmDeletion(pod, after);
            return;
        }
        probes.sync(pod, after, () -> enqueue(pod));
        PodStatus status = PodStatuses.of(pod, after, actions.backOff(), waiting, probes::ready,
                properties.address(), clock.instant());
        String ports = PublishedPorts.of(after);
        boolean portsChanged = !Objects.equals(ports, pod.getMetadata().getAnnotations().get(PublishedPorts.ANNOTATION));
        if (portsChanged || PodStatuses.differ(status, pod.getStatus())) {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .editStatus(current -> {
                        current.setStatus(status);
                        if (ports == null) {
                            current.getMetadata().getAnnotations().remove(PublishedPorts.ANNOTATION);
                        } else {
                            current.getMetadata().getAnnotations().put(PublishedPorts.ANNOTATION, ports);
                        }
                        return current;
                    });
        }
    }

    /** Once every container has stopped, the agent removes them and tells the API the pod may go. */
    private void confirmDeletion(Pod pod, List<RuntimeContainer> containers) {
        if (containers.stream().anyMatch(c -> c.state() == RuntimeContainer.State.RUNNING)) {
            return;
        }
        containers.forEach(c -> runtime.remove(c.id()));
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .withGracePeriod(0).delete();
    }

    private static Duration gracePeriod(Pod pod) {
        Long seconds = pod.getMetadata().getDeletionGracePeriodSeconds() != null
                ? pod.getMetadata().getDeletionGracePeriodSeconds()
                : pod.getSpec().getTerminationGracePeriodSeconds();
        return Duration.ofSeconds(seconds == null ? 30 : seconds);
    }
}
