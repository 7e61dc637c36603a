package dev.berth.replication.nodes;

/**
 * Whether evictions may go ahead. When a large share of the nodes looks dead at once, the likelier story is
 * that this controller (or the network around it) is cut off, not that the nodes died: evicting would move
 * every pod for nothing, so it waits (Kubernetes' full-disruption rule).
 */
final class EvictionGate {

    private EvictionGate() {
    }

    static boolean allows(int nodes, int notReady, double unhealthyThreshold) {
        return nodes > 0 && notReady < unhealthyThreshold * nodes;
    }
}
