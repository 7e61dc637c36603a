package dev.berth.replication.nodes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a node's Ready condition calls for now: nothing, marking it Unknown (its agent stopped
 * heartbeating), or evicting its pods (not ready for longer than the eviction timeout).
 */
enum NodeVerdict {
    HEALTHY, NOT_READY, MARK_UNKNOWN, EVICT;

    static NodeVerdict of(Node node, Instant now, Duration grace, Duration evictionTimeout) {
        Optional<NodeCondition> ready = ready(node);
        String status = ready.map(NodeCondition::getStatus).orElse("Unknown");
        Instant created = time(node.getMetadata().getCreationTimestamp()).orElse(now);
        Instant heartbeat = ready.flatMap(c -> time(c.getLastHeartbeatTime())).orElse(created);
        boolean silent = heartbeat.plus(grace).isBefore(now);
        if (silent && (ready.isEmpty() || !"Unknown".equals(status))) {
            return MARK_UNKNOWN;
        }
        if ("True".equals(status)) {
            return HEALTHY;
        }
        Instant since = ready.flatMap(c -> time(c.getLastTransitionTime())).orElse(heartbeat);
        return since.plus(evictionTimeout).isBefore(now) ? EVICT : NOT_READY;
    }

    static boolean isReady(Node node) {
        return ready(node).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private static Optional<NodeCondition> ready(Node node) {
        if (node.getStatus() == null) {
            return Optional.empty();
        }
        return node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }

    private static Optional<Instant> time(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
