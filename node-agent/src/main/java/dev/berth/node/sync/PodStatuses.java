package dev.berth.node.sync;

import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.RuntimeContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/** Derives a pod's status from its containers on the engine (pure: the caller writes it if it changed). */
final class PodStatuses {

    private PodStatuses() {
    }

    /**
     * @param waiting why containers that do not exist yet are waiting (e.g. {@code ErrImageNeverPull})
     * @param ready   whether a running container (by spec and container id) passes its readiness probe
     */
    static PodStatus of(Pod pod, List<RuntimeContainer> runtime, Map<String, Instant> backOff,
                        Map<String, String> waiting, BiPredicate<Container, String> ready, String nodeAddress,
                        Instant now) {
        List<ContainerStatus> statuses = new ArrayList<>();
        int running = 0;
        int readyCount = 0;
        int exited = 0;
        int failed = 0;
        for (Container container : pod.getSpec().getContainers()) {
            RuntimeContainer latest = runtime.stream()
                    .filter(c -> container.getName().equals(c.labels().get(Labels.CONTAINER_NAME)))
                    .max(Comparator.comparingInt(RuntimeContainer::restartCount)).orElse(null);
            ContainerStatusBuilder status = new ContainerStatusBuilder().withName(container.getName())
                    .withImage(container.getImage()).withRestartCount(latest == null ? 0 : latest.restartCount());
            if (latest == null) {
                status.withReady(false).withStarted(false).withState(waitingState(
                        waiting.getOrDefault(container.getName(), "ContainerCreating")));
            } else if (latest.state() == RuntimeContainer.State.RUNNING) {
                running++;
                boolean passes = ready.test(container, latest.id());
                readyCount += passes ? 1 : 0;
                status.withReady(passes).withStarted(true).withContainerID("docker://" + latest.id())
                        .withState(new ContainerStateBuilder().withNewRunning()
                                .withStartedAt(time(latest.startedAt())).endRunning().build());
            } else {
                exited++;
                failed += latest.exitCode() == 0 ? 0 : 1;
                ContainerState terminated = new ContainerStateBuilder().withNewTerminated()
                        .withExitCode(latest.exitCode()).withReason(latest.exitCode() == 0 ? "Completed" : "Error")
                        .withStartedAt(time(latest.startedAt())).withFinishedAt(time(latest.finishedAt()))
                        .withContainerID("docker://" + latest.id()).endTerminated().build();
                status.withReady(false).withStarted(false).withContainerID("docker://" + latest.id());
                if (backOff.containsKey(container.getName())) {
                    status.withState(waitingState("CrashLoopBackOff")).withLastState(terminated);
                } else {
                    status.withState(terminated);
                }
            }
            statuses.add(status.build());
        }
        int total = pod.getSpec().getContainers().size();
        String policy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
        boolean finished = exited == total && backOff.isEmpty()
                && (policy.equals("Never") || policy.equals("OnFailure") && failed == 0);
        String phase = running == total ? "Running"
                : finished ? (failed == 0 ? "Succeeded" : "Failed")
                : running + exited > 0 ? "Running" : "Pending";
        boolean allReady = readyCount == total;
        PodStatus previous = pod.getStatus();
        String startTime = previous != null && previous.getStartTime() != null ? previous.getStartTime() : time(now);
        return new PodStatusBuilder()
                .withPhase(phase)
                .withConditions(condition(previous, "PodScheduled", true, now), condition(previous, "Initialized", true, now),
                        condition(previous, "ContainersReady", allReady, now),
                        condition(previous, "Ready", allReady, now))
                .withContainerStatuses(statuses)
                .withHostIP(nodeAddress).withPodIP(nodeAddress)
                .withStartTime(startTime)
                .withQosClass(previous == null ? null : previous.getQosClass())
                .build();
    }

    /** Whether two statuses differ in anything but condition timestamps (avoids writing unchanged status). */
    static boolean differ(PodStatus a, PodStatus b) {
        return !Objects.equals(withoutTimes(a), withoutTimes(b));
    }

    private static PodStatus withoutTimes(PodStatus status) {
        if (status == null) {
            return null;
        }
        PodStatus copy = new PodStatusBuilder(status).build();
        copy.setConditions(status.getConditions().stream().map(c -> new PodConditionBuilder(c)
                .withLastTransitionTime(null).withLastProbeTime(null).build()).toList());
        return copy;
    }

    private static PodCondition condition(PodStatus previous, String type, boolean value, Instant now) {
        String status = value ? "True" : "False";
        String since = previous == null ? null : previous.getConditions().stream()
                .filter(c -> c.getType().equals(type) && c.getStatus().equals(status))
                .map(PodCondition::getLastTransitionTime).filter(Objects::nonNull).findFirst().orElse(null);
        return new PodConditionBuilder().withType(type).withStatus(status)
                .withLastTransitionTime(since != null ? since : time(now)).build();
    }

    private static ContainerState waitingState(String reason) {
        return new ContainerStateBuilder().withNewWaiting().withReason(reason).endWaiting().build();
    }


    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
