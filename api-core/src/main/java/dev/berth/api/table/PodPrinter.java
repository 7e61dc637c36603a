package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code kubectl get pods}: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES.
 * STATUS follows kubectl 1.32: the phase, overridden by the first unfinished init container
 * ({@code Init:0/1}, {@code Init:ErrImagePull}) or by the last container's waiting/terminated reason.
 */
final class PodPrinter implements TablePrinter<Pod> {

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            TableColumn.string("Status", "The aggregate status of the containers in this pod."),
            TableColumn.string("Restarts", "The number of times the containers in this pod have been restarted "
                    + "and when the last container in this pod has restarted."),
            TableColumn.ageColumn(),
            TableColumn.wide("IP", "podIP address allocated to the pod."),
            TableColumn.wide("Node", "NodeName indicates in which node this pod is scheduled."),
            TableColumn.wide("Nominated Node", "nominatedNodeName is set when this pod preempts other pods on the node."),
            TableColumn.wide("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness."));

    /** The reason the node lifecycle controller gives pods on a node that stopped reporting. */
    static final String NODE_UNREACHABLE_REASON = "NodeLost";

    @Override
    public List<TableColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Pod pod, Instant now) {
        PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        Summary summary = summarize(pod, spec, status);
        String restarts = Long.toString(summary.restarts());
        if (summary.restarts() != 0 && summary.lastRestart() != null) {
            restarts += " (" + Durations.human(Duration.between(summary.lastRestart(), now)) + " ago)";
        }
        return List.of(
                Meta.name(pod),
                summary.ready() + "/" + summary.total(),
                summary.reason(),
                restarts,
                Meta.age(pod, now),
                Cells.orNone(podIp(status)),
                Cells.orNone(spec.getNodeName()),
                Cells.orNone(status.getNominatedNodeName()),
                readinessGates(spec, status));
    }

    /** READY, STATUS and RESTARTS come out of one pass over the container statuses, as in kubectl. */
    record Summary(int ready, int total, String reason, long restarts, Instant lastRestart) {
    }

    static Summary summarize(Pod pod, PodSpec spec, PodStatus status) {
        Set<String> sidecars = Cells.list(spec.getInitContainers()).stream()
                .filter(PodPrinter::isRestartable).map(Container::getName).collect(Collectors.toSet());
        int total = Cells.list(spec.getContainers()).size() + sidecars.size();
        int ready = 0;
        long restarts = 0;
        long sidecarRestarts = 0;
        Instant lastRestart = null;
        Instant lastSidecarRestart = null;
        String reason = Cells.orEmpty(status.getPhase());
        if (status.getReason() != null && !status.getReason().isEmpty()) {
            reason = status.getReason();
        }
        for (PodCondition condition : Cells.list(status.getConditions())) {
            if ("PodScheduled".equals(condition.getType()) && "SchedulingGated".equals(condition.getReason())) {
                reason = "SchedulingGated";
            }
        }

        // Init containers run in order: the first one not done decides the status.
        boolean initializing = false;
        List<ContainerStatus> initStatuses = Cells.list(status.getInitContainerStatuses());
        int initCount = Cells.list(spec.getInitContainers()).size();
        for (int i = 0; i < initStatuses.size(); i++) {
            ContainerStatus container = initStatuses.get(i);
            restarts += Cells.orZero(container.getRestartCount());
            lastRestart = later(lastRestart, lastTermination(container));
            boolean sidecar = sidecars.contains(container.getName());
            if (sidecar) {
                sidecarRestarts += Cells.orZero(container.getRestartCount());
                lastSidecarRestart = later(lastSidecarRestart, lastTermination(container));
            }
            ContainerState state = container.getState() == null ? new ContainerState() : container.getState();
            ContainerStateTerminated terminated = state.getTerminated();
            String waitingReason = state.getWaiting() == null ? "" : Cells.orEmpty(state.getWaiting().getReason());
            if (terminated != null && Cells.orZero(terminated.getExitCode()) == 0) {
                continue;
            } else if (sidecar && Boolean.TRUE.equals(container.getStarted())) {
                if (Boolean.TRUE.equals(container.getReady())) {
                    ready++;
                }
                continue;
            } else if (terminated != null) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (!waitingReason.isEmpty() && !waitingReason.equals("PodInitializing")) {
                reason = "Init:" + waitingReason;
            } else {
                reason = "Init:" + i + "/" + initCount;
            }
            initializing = true;
            break;
        }

        if (!initializing || hasCondition(status, "Initialized")) {
            // Init containers that ran to completion no longer count; sidecars keep counting.
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            boolean hasRunning = false;
            List<ContainerStatus> statuses = Cells.list(status.getContainerStatuses());
            // Walk backwards so the first container's reason wins, as kubectl does.
            for (int i = statuses.size() - 1; i >= 0; i--) {
                ContainerStatus container = statuses.get(i);
                restarts += Cells.orZero(container.getRestartCount());
                lastRestart = later(lastRestart, lastTermination(container));
                ContainerState state = container.getState() == null ? new ContainerState() : container.getState();
                if (state.getWaiting() != null && !Cells.orEmpty(state.getWaiting().getReason()).isEmpty()) {
                    reason = state.getWaiting().getReason();
                } else if (state.getTerminated() != null) {
                    reason = terminatedReason(state.getTerminated());
                } else if (Boolean.TRUE.equals(container.getReady()) && state.getRunning() != null) {
                    hasRunning = true;
                    ready++;
                }
            }
            // One container completed while another still runs: the pod as a whole is running.
            if (reason.equals("Completed") && hasRunning) {
                reason = hasCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }

        if (Meta.deleting(pod) && NODE_UNREACHABLE_REASON.equals(status.getReason())) {
            reason = "Unknown";
        } else if (Meta.deleting(pod) && !isTerminal(status.getPhase())) {
            reason = "Terminating";
        }
        return new Summary(ready, total, reason, restarts, lastRestart);
    }

    /** A sidecar: an init container that keeps running alongside the app containers. */
    private static boolean isRestartable(Container container) {
        return "Always".equals(container.getRestartPolicy());
    }

    private static String terminatedReason(ContainerStateTerminated terminated) {
        if (terminated.getReason() != null && !terminated.getReason().isEmpty()) {
            return terminated.getReason();
        }
        if (Cells.orZero(terminated.getSignal()) != 0) {
            return "Signal:" + terminated.getSignal();
        }
        return "ExitCode:" + Cells.orZero(terminated.getExitCode());
    }

    private static Instant lastTermination(ContainerStatus container) {
        ContainerState last = container.getLastState();
        return last == null || last.getTerminated() == null ? null : Durations.parse(last.getTerminated().getFinishedAt());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private static boolean hasCondition(PodStatus status, String type) {
        return Cells.list(status.getConditions()).stream()
                .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean isTerminal(String phase) {
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static String podIp(PodStatus status) {
        List<PodIP> ips = Cells.list(status.getPodIPs());
        return ips.isEmpty() ? status.getPodIP() : ips.get(0).getIp();
    }

    private static String readinessGates(PodSpec spec, PodStatus status) {
        List<PodReadinessGate> gates = Cells.list(spec.getReadinessGates());
        if (gates.isEmpty()) {
            return Cells.NONE;
        }
        long trueConditions = gates.stream()
                .map(gate -> Cells.list(status.getConditions()).stream()
                        .filter(c -> gate.getConditionType() != null && gate.getConditionType().equals(c.getType()))
                        .findFirst())
                .filter(c -> c.isPresent() && "True".equals(c.get().getStatus()))
                .count();
        return trueConditions + "/" + gates.size();
    }
}
