package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.FilterStatus;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;

/** The pod's requests fit in what the node has left of its allocatable pods, CPU and memory. */
public final class ResourcesFit implements FilterPlugin {

    static final String TOO_MANY_PODS = "Too many pods";
    static final String INSUFFICIENT_CPU = "Insufficient cpu";
    static final String INSUFFICIENT_MEMORY = "Insufficient memory";

    @Override
    public FilterStatus filter(PodInfo pod, NodeInfo node) {
        if (node.podCount() + 1 > node.allocatablePods()) {
            return FilterStatus.unfit(TOO_MANY_PODS);
        }
        if (pod.cpuMilli() > 0 && node.requestedCpuMilli() + pod.cpuMilli() > node.allocatableCpuMilli()) {
            return FilterStatus.unfit(INSUFFICIENT_CPU);
        }
        if (pod.memoryBytes() > 0 && node.requestedMemory() + pod.memoryBytes() > node.allocatableMemory()) {
            return FilterStatus.unfit(INSUFFICIENT_MEMORY);
        }
        return FilterStatus.FITS;
    }
}
