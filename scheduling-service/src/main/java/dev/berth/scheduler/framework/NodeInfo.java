package dev.berth.scheduler.framework;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node and what is placed on it: the pods bound to it and those the scheduler has assumed there but whose
 * binding is not confirmed yet, so a burst of decisions never counts the same free capacity twice.
 * Not thread-safe: the cache guards it.
 */
public final class NodeInfo {

    private final String name;
    private Node node;
    private boolean ready;
    private long allocatableCpuMilli;
    private long allocatableMemory;
    private long allocatablePods;
    private long requestedCpuMilli;
    private long requestedMemory;
    private long scoreCpuMilli;
    private long scoreMemory;
    private final Map<String, PodInfo> pods = new LinkedHashMap<>();
    private final List<HostPort> usedPorts = new ArrayList<>();

    public NodeInfo(String name) {
        this.name = name;
    }

    public static NodeInfo of(Node node, PodInfo... pods) {
        NodeInfo info = new NodeInfo(node.getMetadata().getName());
        info.setNode(node);
        for (PodInfo pod : pods) {
            info.addPod(pod);
        }
        return info;
    }

    public void setNode(Node node) {
        this.node = node;
        var status = node.getStatus();
        var allocatable = status == null ? null
                : status.getAllocatable() != null && !status.getAllocatable().isEmpty() ? status.getAllocatable()
                : status.getCapacity();
        allocatableCpuMilli = Quantities.milliCpu(allocatable);
        allocatableMemory = Quantities.value(allocatable, "memory");
        allocatablePods = Quantities.value(allocatable, "pods");
        ready = isReady(node);
    }

    public static boolean isReady(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    public void addPod(PodInfo pod) {
        removePod(pod.key());
        pods.put(pod.key(), pod);
        requestedCpuMilli += pod.cpuMilli();
        requestedMemory += pod.memoryBytes();
        scoreCpuMilli += pod.scoreCpuMilli();
        scoreMemory += pod.scoreMemoryBytes();
        usedPorts.addAll(pod.hostPorts());
    }

    public void removePod(String key) {
        PodInfo pod = pods.remove(key);
        if (pod != null) {
            requestedCpuMilli -= pod.cpuMilli();
            requestedMemory -= pod.memoryBytes();
            scoreCpuMilli -= pod.scoreCpuMilli();
            scoreMemory -= pod.scoreMemoryBytes();
            pod.hostPorts().forEach(usedPorts::remove);
        }
    }

    public String name() {
        return name;
    }

    /** Null while pods refer to a node the cache has not seen (yet). */
    public Node node() {
        return node;
    }

    public boolean ready() {
        return ready;
    }

    public boolean unschedulable() {
        return Boolean.TRUE.equals(node.getSpec() == null ? null : node.getSpec().getUnschedulable());
    }

    public Map<String, String> labels() {
        return node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    }

    public List<Taint> taints() {
        return node.getSpec() == null ? List.of() : node.getSpec().getTaints();
    }

    public long allocatableCpuMilli() {
        return allocatableCpuMilli;
    }

    public long allocatableMemory() {
        return allocatableMemory;
    }

    public long allocatablePods() {
        return allocatablePods;
    }

    public long requestedCpuMilli() {
        return requestedCpuMilli;
    }

    public long requestedMemory() {
        return requestedMemory;
    }

    public long scoreCpuMilli() {
        return scoreCpuMilli;
    }

    public long scoreMemory() {
        return scoreMemory;
    }

    public int podCount() {
        return pods.size();
    }

    public Collection<PodInfo> pods() {
        return pods.values();
    }

    public List<HostPort> usedPorts() {
        return usedPorts;
    }
}
