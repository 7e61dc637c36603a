package dev.berth.scheduler.framework;

import java.util.List;

/**
 * Ranks the nodes that passed every filter. Scores the whole list at once so a plugin can compare nodes
 * (spreading needs the largest count). Pure.
 *
 * @return one score per node, in the list's order, each normalized to 0–100 (higher is better)
 */
public interface ScorePlugin {

    int[] score(PodInfo pod, List<NodeInfo> feasible);
}
