package dev.berth.cli.describe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** What {@code describe} says about each kind, in kubectl's words and order. */
final class Describers {

    private Describers() {
    }

    static Description pod(Pod pod) {
        var status = pod.getStatus();
        Description text = new Description()
                .field("Name", pod.getMetadata().getName())
                .field("Namespace", pod.getMetadata().getNamespace())
                .field("Node", pod.getSpec().getNodeName() == null ? null
                        : pod.getSpec().getNodeName() + (status.getHostIP() == null ? "" : "/" + status.getHostIP()))
                .field("Labels", Description.pairs(pod.getMetadata().getLabels()))
                .field("Status", pod.getMetadata().getDeletionTimestamp() != null ? "Terminating" : status.getPhase())
                .field("IP", status.getPodIP());
        if (status.getReason() != null) {
            text.field("Reason", status.getReason()).field("Message", status.getMessage());
        }
        text.section("Containers");
        for (Container container : pod.getSpec().getContainers()) {
            ContainerStatus cs = status.getContainerStatuses() == null ? null : status.getContainerStatuses().stream()
                    .filter(s -> s.getName().equals(container.getName())).findFirst().orElse(null);
            text.line(1, container.getName() + ":");
            text.field(2, "Image", container.getImage());
            text.field(2, "Ports", container.getPorts().stream().map(p -> p.getContainerPort() + "/" + p.getProtocol()
                    + (p.getHostPort() == null ? "" : " (host " + p.getHostPort() + ")")).collect(Collectors.joining(", ")));
            if (cs != null) {
                text.field(2, "State", state(cs));
                text.field(2, "Ready", cs.getReady());
                text.field(2, "Restart Count", cs.getRestartCount());
            }
        }
        if (status.getConditions() != null && !status.getConditions().isEmpty()) {
            text.section("Conditions");
            status.getConditions().forEach(c -> text.field(1, c.getType(), c.getStatus()));
        }
        return text;
    }

    static Description controller(ReplicationController rc, List<Pod> pods) {
        Map<String, String> selector = rc.getSpec().getSelector();
        List<Pod> selected = pods.stream().filter(p -> p.getMetadata().getLabels() != null
                && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
        Map<String, Long> byPhase = selected.stream().collect(Collectors.groupingBy(
                p -> Objects.requireNonNullElse(p.getStatus().getPhase(), "Pending"), Collectors.counting()));
        var template = rc.getSpec().getTemplate();
        return new Description()
                .field("Name", rc.getMetadata().getName())
                .field("Namespace", rc.getMetadata().getNamespace())
                .field("Selector", Description.pairs(selector))
                .field("Labels", Description.pairs(rc.getMetadata().getLabels()))
                .field("Replicas", (rc.getStatus() == null ? 0 : rc.getStatus().getReplicas()) + " current / "
                        + rc.getSpec().getReplicas() + " desired")
                .field("Pods Status", byPhase.getOrDefault("Running", 0L) + " Running / "
                        + byPhase.getOrDefault("Pending", 0L) + " Waiting / " + byPhase.getOrDefault("Succeeded", 0L)
                        + " Succeeded / " + byPhase.getOrDefault("Failed", 0L) + " Failed")
                .field("Images", template.getSpec().getContainers().stream().map(Container::getImage)
                        .collect(Collectors.joining(", ")));
    }

    static Description service(Service service, Endpoints endpoints) {
        var spec = service.getSpec();
        String addresses = endpoints == null || endpoints.getSubsets() == null ? null : endpoints.getSubsets().stream()
                .flatMap(s -> s.getAddresses().stream().flatMap(a -> s.getPorts().stream()
                        .map(p -> address(a) + ":" + p.getPort())))
                .collect(Collectors.joining(","));
        Description text = new Description()
                .field("Name", service.getMetadata().getName())
                .field("Namespace", service.getMetadata().getNamespace())
                .field("Labels", Description.pairs(service.getMetadata().getLabels()))
                .field("Selector", Description.pairs(spec.getSelector()))
                .field("Type", spec.getType())
                .field("IP", spec.getClusterIP());
        spec.getPorts().forEach(p -> text
                .field("Port", (p.getName() == null ? "<unset>" : p.getName()) + "  " + p.getPort() + "/" + p.getProtocol())
                .field("TargetPort", p.getTargetPort() == null ? null : p.getTargetPort().toString() + "/" + p.getProtocol()));
        return text.field("Endpoints", addresses).field("Session Affinity", spec.getSessionAffinity());
    }

    static Description node(Node node, List<Pod> pods) {
        var status = node.getStatus();
        Description text = new Description()
                .field("Name", node.getMetadata().getName())
                .field("Labels", Description.pairs(node.getMetadata().getLabels()))
                .field("Unschedulable", Boolean.TRUE.equals(node.getSpec().getUnschedulable()));
        if (status != null) {
            text.section("Addresses");
            status.getAddresses().forEach(a -> text.field(1, a.getType(), a.getAddress()));
            text.section("Capacity");
            new java.util.TreeMap<>(status.getCapacity()).forEach((k, v) -> text.field(1, k, v));
            text.section("Conditions");
            status.getConditions().forEach(c -> text.line(1, String.format("%-8s %-6s %-20s %s", c.getType(),
                    c.getStatus(), c.getReason(), c.getMessage())));
        }
        text.section("Pods (" + pods.size() + ")");
        pods.forEach(p -> text.line(1, String.format("%-12s %-32s %s", p.getMetadata().getNamespace(),
                p.getMetadata().getName(), p.getStatus().getPhase())));
        return text;
    }

    static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + "m";
        }
        return seconds < 2 * 86400 ? seconds / 3600 + "h" : seconds / 86400 + "d";
    }

    private static String state(ContainerStatus status) {
        var state = status.getState();
        if (state == null) {
            return null;
        }
        if (state.getRunning() != null) {
            return "Running (since " + state.getRunning().getStartedAt() + ")";
        }
        if (state.getWaiting() != null) {
            return "Waiting (" + state.getWaiting().getReason() + ")";
        }
        if (state.getTerminated() != null) {
            return "Terminated (" + state.getTerminated().getReason() + ", exit code " + state.getTerminated().getExitCode() + ")";
        }
        return null;
    }

    private static String address(EndpointAddress address) {
        return address.getIp();
    }
}
