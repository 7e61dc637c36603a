package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.FilterStatus;
import dev.berth.scheduler.framework.HostPort;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;

import java.util.List;

/** None of the pod's host ports is taken on the node (same protocol and port, overlapping address). */
public final class HostPortsFree implements FilterPlugin {

    static final String PORTS_TAKEN = "node(s) didn't have free ports for the requested pod ports";

    @Override
    public FilterStatus filter(PodInfo pod, NodeInfo node) {
        List<HostPort> wanted = pod.hostPorts();
        List<HostPort> used = node.usedPorts();
        for (int w = 0; w < wanted.size(); w++) {
            for (int u = 0; u < used.size(); u++) {
                if (wanted.get(w).conflictsWith(used.get(u))) {
                    return FilterStatus.unfit(PORTS_TAKEN);
                }
            }
        }
        return FilterStatus.FITS;
    }
}
