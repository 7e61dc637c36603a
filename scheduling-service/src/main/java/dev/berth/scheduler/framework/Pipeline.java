package dev.berth.scheduler.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * filter → score → select for one pod over a snapshot of the nodes.
 *
 * <pre>
 *  nodes ─▶ filters (every one must pass; the first failure is the node's reason)
 *        ─▶ feasible nodes, at most {@link #feasibleToFind(int)} of them
 *        ─▶ scores (each 0–100) × weight, summed
 *        ─▶ select the highest; ties go to the first in search order
 * </pre>
 *
 * On large clusters it stops filtering once it has enough feasible nodes, as kube-scheduler's
 * percentageOfNodesToScore does; the search starts where the previous one stopped, so every node gets its
 * turn and ties rotate. That start position is the only state: decisions are otherwise a pure function of
 * the pod and the nodes.
 */
public final class Pipeline {

    /** Below this many nodes every node is examined. */
    static final int MIN_FEASIBLE_NODES = 100;

    private final FilterPlugin[] filters;
    private final List<WeightedScore> scores;
    private final int percentageOfNodesToScore;
    private int nextStart;

    /** @param percentageOfNodesToScore 1–100, or 0 for kube-scheduler's adaptive default (50% falling to 5%) */
    public Pipeline(List<FilterPlugin> filters, List<WeightedScore> scores, int percentageOfNodesToScore) {
        this.filters = filters.toArray(FilterPlugin[]::new);
        this.scores = scores.stream().filter(s -> s.weight() > 0).toList();
        this.percentageOfNodesToScore = percentageOfNodesToScore;
    }

    public Decision schedule(PodInfo pod, List<NodeInfo> nodes) {
        int total = nodes.size();
        int wanted = feasibleToFind(total);
        List<NodeInfo> feasible = new ArrayList<>(Math.min(wanted, total));
        Map<String, Integer> reasons = new HashMap<>();
        int examined = 0;
        for (; examined < total && feasible.size() < wanted; examined++) {
            NodeInfo node = nodes.get((nextStart + examined) % total);
            String reason = firstFailure(pod, node);
            if (reason == null) {
                feasible.add(node);
            } else {
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        nextStart = total == 0 ? 0 : (nextStart + examined) % total;
        if (feasible.isEmpty()) {
            return Decision.unschedulable(reasons, total);
        }
        return Decision.bind(select(pod, feasible).name(), total);
    }

    int feasibleToFind(int total) {
        if (total < MIN_FEASIBLE_NODES || percentageOfNodesToScore >= 100) {
            return total;
        }
        int percentage = percentageOfNodesToScore > 0 ? percentageOfNodesToScore : Math.max(5, 50 - total / 125);
        return Math.max(MIN_FEASIBLE_NODES, total * percentage / 100);
    }

    // Indexed loops here and in the filters: they run for every node, and the scheduler runs on C1 alone
    // (no escape analysis), so each for-each over a collection allocated an iterator, a quarter of what the
    // scheduler allocated while binding.
    private String firstFailure(PodInfo pod, NodeInfo node) {
        for (int i = 0; i < filters.length; i++) {
            FilterStatus status = filters[i].filter(pod, node);
            if (!status.fits()) {
                return status.reason();
            }
        }
        return null;
    }

    private NodeInfo select(PodInfo pod, List<NodeInfo> feasible) {
        if (feasible.size() == 1 || scores.isEmpty()) {
            return feasible.get(0);
        }
        long[] totals = new long[feasible.size()];
        for (WeightedScore score : scores) {
            int[] values = score.plugin().score(pod, feasible);
            for (int i = 0; i < totals.length; i++) {
                totals[i] += (long) values[i] * score.weight();
            }
        }
        int best = 0;
        for (int i = 1; i < totals.length; i++) {
            if (totals[i] > totals[best]) {
                best = i;
            }
        }
        return feasible.get(best);
    }
}
