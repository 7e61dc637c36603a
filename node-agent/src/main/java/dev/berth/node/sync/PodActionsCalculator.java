package dev.berth.node.sync;

import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.RuntimeContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a pod's spec with its containers on the engine and decides what to start, stop and clean up:
 * missing containers start; exited ones restart as {@code restartPolicy} says, after an exponential
 * back-off (10 s doubling to 5 min, as kubelet does); containers of a changed spec or of a deleted pod, and
 * those that failed their liveness probe, stop.
 */
public final class PodActionsCalculator {

    static final Duration INITIAL_BACK_OFF = Duration.ofSeconds(10);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

    private PodActionsCalculator() {
    }

    /** @param unhealthy ids of running containers that failed their liveness probe */
    public static PodActions compute(Pod pod, List<RuntimeContainer> runtime, Set<String> unhealthy, Instant now) {
        Map<String, List<RuntimeContainer>> byName = runtime.stream().collect(Collectors.groupingBy(
                c -> c.labels().getOrDefault(Labels.CONTAINER_NAME, ""), HashMap::new,
                Collectors.toCollection(ArrayList::new)));
        Map<String, String> kill = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        List<PodActions.Start> start = new ArrayList<>();
        Map<String, Instant> backOff = new LinkedHashMap<>();
        boolean deleting = pod.getMetadata().getDeletionTimestamp() != null;
        List<Container> containers = pod.getSpec().getContainers();
        Set<String> specNames = containers.stream().map(Container::getName).collect(Collectors.toSet());

        byName.forEach((name, attempts) -> {
            attempts.sort(Comparator.comparingInt(RuntimeContainer::restartCount).reversed());
            // Every attempt but the newest is history; the newest carries the state kubectl shows.
            attempts.stream().skip(1).filter(c -> c.state() != RuntimeContainer.State.RUNNING)
                    .forEach(c -> remove.add(c.id()));
            attempts.stream().skip(1).filter(c -> c.state() == RuntimeContainer.State.RUNNING)
                    .forEach(c -> kill.put(c.id(), "superseded by a newer attempt"));
            if (deleting || !specNames.contains(name)) {
                attempts.stream().limit(1).filter(c -> c.state() == RuntimeContainer.State.RUNNING)
                        .forEach(c -> kill.put(c.id(), deleting ? "pod is being deleted" : "not in the pod spec"));
            }
        });
        if (deleting) {
            return new PodActions(start, kill, remove, backOff);
        }
        String policy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            List<RuntimeContainer> attempts = byName.getOrDefault(container.getName(), List.of());
            RuntimeContainer current = attempts.isEmpty() ? null : attempts.get(0);
            if (current == null) {
                start.add(new PodActions.Start(i, container.getName(), 0));
                continue;
            }
            int restarts = current.restartCount();
            if (!hash(container).equals(current.labels().get(Labels.CONTAINER_HASH))) {
                if (current.state() == RuntimeContainer.State.RUNNING) {
                    kill.put(current.id(), "the container's spec changed");
                }
                start.add(new PodActions.Start(i, container.getName(), restarts + 1));
                continue;
            }
            if (current.state() == RuntimeContainer.State.RUNNING && unhealthy.contains(current.id())) {
                // Killed now, restarted by a later sync as restartPolicy and the back-off say.
                kill.put(current.id(), "failed its liveness probe");
                continue;
            }
            if (current.state() == RuntimeContainer.State.RUNNING || !shouldRestart(policy, current)) {
                continue;
            }
            Instant until = backOffUntil(current, restarts);
            if (until != null && now.isBefore(until)) {
                backOff.put(container.getName(), until);
            } else {
                start.add(new PodActions.Start(i, container.getName(), restarts + 1));
            }
        }
        return new PodActions(start, kill, remove, backOff);
    }

    /** The label value identifying a container spec; a different value means the spec changed. */
    public static String hash(Container container) {
        return Integer.toHexString(container.hashCode());
    }

    private static boolean shouldRestart(String policy, RuntimeContainer exited) {
        return switch (policy) {
            case "Never" -> false;
            case "OnFailure" -> exited.exitCode() != 0;
            default -> true;
        };
    }

    private static Instant backOffUntil(RuntimeContainer exited, int restarts) {
        if (exited.finishedAt() == null) {
            return null;
        }
        long factor = 1L << Math.min(restarts, 10);
        Duration delay = INITIAL_BACK_OFF.multipliedBy(factor);
        return exited.finishedAt().plus(delay.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : delay);
    }

}
