package dev.berth.scheduler.framework;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome for one pod: the chosen node, or why none fits.
 *
 * @param node    the chosen node, or null
 * @param reasons for an unschedulable pod: each filter reason with the number of nodes it ruled out
 * @param nodes   the number of nodes in the cluster
 */
public record Decision(String node, Map<String, Integer> reasons, int nodes) {

    public static Decision bind(String node, int nodes) {
        return new Decision(node, Map.of(), nodes);
    }

    public static Decision unschedulable(Map<String, Integer> reasons, int nodes) {
        return new Decision(null, new TreeMap<>(reasons), nodes);
    }

    public boolean fits() {
        return node != null;
    }

    /** kube-scheduler's wording: {@code 0/5 nodes are available: 3 Insufficient memory, 2 node(s) didn't ...}. */
    public String message() {
        if (nodes == 0) {
            return "0/0 nodes are available: no nodes available to schedule pods.";
        }
        return "0/" + nodes + " nodes are available: " + reasons.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ".";
    }
}
