package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;
import dev.berth.scheduler.framework.ScorePlugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Spreads the pods of one service or replication controller across nodes, as the original SelectorSpread
 * priority did: a pod's peers are the pods of its namespace selected by a service that selects it, or owned
 * by the same ReplicationController. A node scores 100 × (max − peers here) / max; all 100 without peers.
 */
public final class Spreading implements ScorePlugin {

    private final SpreadGroups groups;

    public Spreading(SpreadGroups groups) {
        this.groups = groups;
    }

    @Override
    public int[] score(PodInfo pod, List<NodeInfo> feasible) {
        int[] scores = new int[feasible.size()];
        List<Map<String, String>> selectors = new ArrayList<>();
        for (Map<String, String> selector : groups.serviceSelectors(pod.namespace())) {
            if (!selector.isEmpty() && matches(selector, pod.labels())) {
                selectors.add(selector);
            }
        }
        if (selectors.isEmpty() && pod.controllerUid() == null) {
            Arrays.fill(scores, 100);
            return scores;
        }
        int[] peers = new int[scores.length];
        int max = 0;
        for (int i = 0; i < scores.length; i++) {
            for (PodInfo other : feasible.get(i).pods()) {
                if (isPeer(pod, other, selectors)) {
                    peers[i]++;
                }
            }
            max = Math.max(max, peers[i]);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = max == 0 ? 100 : (max - peers[i]) * 100 / max;
        }
        return scores;
    }

    private static boolean isPeer(PodInfo pod, PodInfo other, List<Map<String, String>> selectors) {
        if (!other.namespace().equals(pod.namespace())) {
            return false;
        }
        if (pod.controllerUid() != null && pod.controllerUid().equals(other.controllerUid())) {
            return true;
        }
        for (Map<String, String> selector : selectors) {
            if (matches(selector, other.labels())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : selector.entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
