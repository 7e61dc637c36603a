package dev.berth.node.probe;

import dev.berth.node.events.EventRecorder;
import dev.berth.node.runtime.ContainerRuntime;
import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.RuntimeContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Liveness and readiness probes of the running containers (kubelet's prober manager). The pod syncer tells it
 * which containers run; it answers whether a container is ready and whether it failed its liveness probe.
 */
@Component
public class ProbeManager implements AutoCloseable {

    private record Key(String containerId, ProbeWorker.Kind kind) {
    }

    private final Prober prober;
    private final EventRecorder events;
    private final Map<Key, ProbeWorker> workers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, r -> {
        Thread thread = new Thread(r, "berth-probe");
        thread.setDaemon(true);
        return thread;
    });

    ProbeManager(ContainerRuntime runtime, EventRecorder events) {
        this.prober = new Prober(runtime);
        this.events = events;
    }

    /**
     * Probes the running containers of {@code pod} that have probes, and stops probing its containers that no
     * longer run. {@code onChange} runs when a result flips.
     */
    public void sync(Pod pod, List<RuntimeContainer> containers, Runnable onChange) {
        Set<Key> wanted = new HashSet<>();
        for (Container container : pod.getSpec().getContainers()) {
            containers.stream().filter(c -> c.state() == RuntimeContainer.State.RUNNING
                            && container.getName().equals(c.labels().get(Labels.CONTAINER_NAME)))
                    .forEach(running -> {
                        want(wanted, ProbeWorker.Kind.LIVENESS, container.getLivenessProbe(), pod, container,
                                running, onChange);
                        want(wanted, ProbeWorker.Kind.READINESS, container.getReadinessProbe(), pod, container,
                                running, onChange);
                    });
        }
        String uid = pod.getMetadata().getUid();
        workers.entrySet().removeIf(entry -> {
            boolean stale = entry.getValue().podUid().equals(uid) && !wanted.contains(entry.getKey());
            if (stale) {
                entry.getValue().cancel();
            }
            return stale;
        });
    }

    /** Stops probing every container of a pod that is gone. */
    public void forget(String podUid) {
        workers.values().removeIf(worker -> {
            boolean gone = worker.podUid().equals(podUid);
            if (gone) {
                worker.cancel();
            }
            return gone;
        });
    }

    /** Whether a running container counts as ready: it has no readiness probe, or its probe passes. */
    public boolean ready(Container container, String containerId) {
        if (container.getReadinessProbe() == null) {
            return true;
        }
        ProbeWorker worker = workers.get(new Key(containerId, ProbeWorker.Kind.READINESS));
        return worker != null && worker.passing();
    }

    /** Whether a running container failed its liveness probe and must be restarted. */
    public boolean unhealthy(String containerId) {
        ProbeWorker worker = workers.get(new Key(containerId, ProbeWorker.Kind.LIVENESS));
        return worker != null && !worker.passing();
    }

    private void want(Set<Key> wanted, ProbeWorker.Kind kind, Probe probe, Pod pod, Container container,
                      RuntimeContainer running, Runnable onChange) {
        if (probe == null) {
            return;
        }
        Key key = new Key(running.id(), kind);
        wanted.add(key);
        workers.computeIfAbsent(key, k -> {
            ProbeWorker worker = new ProbeWorker(kind, probe, pod, container, running, prober, events, onChange);
            worker.scheduled(scheduler.scheduleWithFixedDelay(worker, Probes.initialDelaySeconds(probe) * 1000L,
                    Probes.periodSeconds(probe) * 1000L, TimeUnit.MILLISECONDS));
            return worker;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
