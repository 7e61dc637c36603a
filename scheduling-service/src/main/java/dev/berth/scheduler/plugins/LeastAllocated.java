package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;
import dev.berth.scheduler.framework.ScorePlugin;

import java.util.List;

/** Prefers the node with the most CPU and memory left after placing the pod (the mean of both free shares). */
public final class LeastAllocated implements ScorePlugin {

    @Override
    public int[] score(PodInfo pod, List<NodeInfo> feasible) {
        int[] scores = new int[feasible.size()];
        for (int i = 0; i < scores.length; i++) {
            NodeInfo node = feasible.get(i);
            long cpu = free(node.scoreCpuMilli() + pod.scoreCpuMilli(), node.allocatableCpuMilli());
            long memory = free(node.scoreMemory() + pod.scoreMemoryBytes(), node.allocatableMemory());
            scores[i] = (int) ((cpu + memory) / 2);
        }
        return scores;
    }

    /** Free share in percent; 0 when nothing is free or the node declares no capacity. */
    private static long free(long requested, long allocatable) {
        return allocatable <= 0 || requested >= allocatable ? 0 : (allocatable - requested) * 100 / allocatable;
    }
}
