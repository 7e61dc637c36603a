package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.FilterStatus;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;

import java.util.Map;

/** Every {@code spec.nodeSelector} label is on the node with the same value. */
public final class NodeSelectorMatch implements FilterPlugin {

    static final String MISMATCH = "node(s) didn't match Pod's node affinity/selector";

    @Override
    public FilterStatus filter(PodInfo pod, NodeInfo node) {
        if (pod.nodeSelector().isEmpty()) {
            return FilterStatus.FITS; // without allocating an iterator (see Pipeline.firstFailure)
        }
        Map<String, String> labels = node.labels();
        for (Map.Entry<String, String> wanted : pod.nodeSelector().entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return FilterStatus.unfit(MISMATCH);
            }
        }
        return FilterStatus.FITS;
    }
}
