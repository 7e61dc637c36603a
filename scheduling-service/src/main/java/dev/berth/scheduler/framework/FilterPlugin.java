package dev.berth.scheduler.framework;

/** Rules a node in or out for a pod. Pure: reads the pod and the node, changes nothing. */
public interface FilterPlugin {

    FilterStatus filter(PodInfo pod, NodeInfo node);
}
