package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.FilterStatus;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;

/** Only nodes whose agent reports Ready and that are not cordoned ({@code spec.unschedulable}). */
public final class NodeReady implements FilterPlugin {

    static final String NOT_READY = "node(s) were not ready";
    static final String UNSCHEDULABLE = "node(s) were unschedulable";

    @Override
    public FilterStatus filter(PodInfo pod, NodeInfo node) {
        if (!node.ready()) {
            return FilterStatus.unfit(NOT_READY);
        }
        return node.unschedulable() ? FilterStatus.unfit(UNSCHEDULABLE) : FilterStatus.FITS;
    }
}
