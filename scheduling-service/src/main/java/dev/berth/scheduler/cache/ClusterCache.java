package dev.berth.scheduler.cache;

import dev.berth.scheduler.framework.Decision;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The scheduler's view of every node and what is placed on it, fed by the informers and by the scheduler's
 * own assumptions. A pod is counted on its node from the moment it is assumed; the informer's bound pod
 * later replaces the assumption, and a failed binding forgets it. One lock guards everything, and a
 * decision runs under it, so a decision and its assumption are atomic.
 */
public final class ClusterCache {

    private final Map<String, NodeInfo> nodes = new HashMap<>();
    /** Nodes the API has reported, in a stable order for the pipeline's rotating search. */
    private final List<NodeInfo> known = new ArrayList<>();
    private final Map<String, String> podNodes = new HashMap<>();
    private final Set<String> assumed = new HashSet<>();

    /** @return whether the change may let a waiting pod fit: a new node, or one with more room or fewer limits */
    public synchronized boolean upsertNode(Node node) {
        String name = node.getMetadata().getName();
        NodeInfo info = nodes.computeIfAbsent(name, NodeInfo::new);
        Node previous = info.node();
        info.setNode(node);
        if (previous == null) {
            known.add(info);
            return true;
        }
        return !Objects.equals(previous.getSpec(), node.getSpec())
                || !Objects.equals(previous.getMetadata().getLabels(), node.getMetadata().getLabels())
                || !Objects.equals(allocatable(previous), allocatable(node))
                || readyChanged(previous, node);
    }

    public synchronized void removeNode(String name) {
        NodeInfo info = nodes.get(name);
        if (info == null) {
            return;
        }
        known.remove(info);
        if (info.podCount() == 0) {
            nodes.remove(name);
        } else {
            // Keep its pods counted until they go: the node may come back under the same name.
            nodes.put(name, withoutNode(info));
        }
    }

    /** A pod the API reports bound to {@code nodeName}; confirms an assumption if there was one. */
    public synchronized void addBoundPod(PodInfo pod, String nodeName) {
        removePod(pod.key());
        nodes.computeIfAbsent(nodeName, NodeInfo::new).addPod(pod);
        podNodes.put(pod.key(), nodeName);
    }

    public synchronized void removePod(String key) {
        String node = podNodes.remove(key);
        assumed.remove(key);
        if (node != null) {
            NodeInfo info = nodes.get(node);
            info.removePod(key);
            if (info.node() == null && info.podCount() == 0) {
                nodes.remove(node);
            }
        }
    }

    /** Whether the pod is bound or assumed: such a pod must not be scheduled again. */
    public synchronized boolean isPlaced(String key) {
        return podNodes.containsKey(key);
    }

    /** Undoes an assumption whose binding failed; a confirmed pod is left alone. */
    public synchronized void forget(String key) {
        if (assumed.contains(key)) {
            removePod(key);
        }
    }

    /**
     * Runs {@code decide} on the known nodes and, if it names a node, assumes the pod there before the lock is
     * released.
     */
    public synchronized Decision decideAndAssume(PodInfo pod, Function<List<NodeInfo>, Decision> decide) {
        Decision decision = decide.apply(known);
        if (decision.fits()) {
            removePod(pod.key());
            nodes.get(decision.node()).addPod(pod);
            podNodes.put(pod.key(), decision.node());
            assumed.add(pod.key());
        }
        return decision;
    }

    public synchronized int nodeCount() {
        return known.size();
    }

    private static NodeInfo withoutNode(NodeInfo info) {
        NodeInfo orphan = new NodeInfo(info.name());
        info.pods().forEach(orphan::addPod);
        return orphan;
    }

    private static Object allocatable(Node node) {
        return node.getStatus() == null ? null : node.getStatus().getAllocatable();
    }

    private static boolean readyChanged(Node previous, Node current) {
        return NodeInfo.isReady(previous) != NodeInfo.isReady(current);
    }
}
