package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.FilterStatus;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;

/**
 * A pod that names its node fits only there. Such pods normally bypass the scheduler (the agent runs them
 * directly); this keeps a pod that reaches the queue from being placed elsewhere.
 */
public final class NodeNamePinned implements FilterPlugin {

    static final String OTHER_NODE = "node(s) didn't match the requested node name";

    @Override
    public FilterStatus filter(PodInfo pod, NodeInfo node) {
        return pod.nodeName().isEmpty() || pod.nodeName().equals(node.name()) ? FilterStatus.FITS
                : FilterStatus.unfit(OTHER_NODE);
    }
}
