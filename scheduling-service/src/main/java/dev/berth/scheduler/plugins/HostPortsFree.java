package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.FilterStatus;
import dev.berth.scheduler.framework.HostPort;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;

/** None of the pod's host ports is taken on the node (same protocol and port, overlapping address). */
public final class HostPortsFree implements FilterPlugin {

    static final String PORTS_TAKEN = "node(s) didn't have free ports for the requested pod ports";

    @Override
    public FilterStatus filter(PodInfo pod, NodeInfo node) {
        for (HostPort wanted : pod.hostPorts()) {
            for (HostPort used : node.usedPorts()) {
                if (wanted.conflictsWith(used)) {
                    return FilterStatus.unfit(PORTS_TAKEN);
                }
            }
        }
        return FilterStatus.FITS;
    }
}
