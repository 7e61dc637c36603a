package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;
import dev.berth.scheduler.framework.ScorePlugin;

import java.util.List;

/**
 * Prefers the node whose CPU and memory would be used in the most similar proportion, so neither runs out
 * while the other idles: 100 × (1 − |cpu share − memory share|).
 */
public final class BalancedAllocation implements ScorePlugin {

    @Override
    public int[] score(PodInfo pod, List<NodeInfo> feasible) {
        int[] scores = new int[feasible.size()];
        for (int i = 0; i < scores.length; i++) {
            NodeInfo node = feasible.get(i);
            double cpu = share(node.scoreCpuMilli() + pod.scoreCpuMilli(), node.allocatableCpuMilli());
            double memory = share(node.scoreMemory() + pod.scoreMemoryBytes(), node.allocatableMemory());
            scores[i] = cpu >= 1 || memory >= 1 ? 0 : (int) Math.round((1 - Math.abs(cpu - memory)) * 100);
        }
        return scores;
    }

    private static double share(long requested, long allocatable) {
        return allocatable <= 0 ? 1 : (double) requested / allocatable;
    }
}
