package dev.berth.replication.nodes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NodeVerdictTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:10:00Z");
    private static final Duration GRACE = Duration.ofSeconds(40);
    private static final Duration EVICTION = Duration.ofSeconds(60);

    /** Ready condition {@code status}, heartbeat and transition given as seconds before NOW; empty status: none. */
    private static Node node(String status, long heartbeatAgo, long transitionAgo) {
        NodeBuilder node = new NodeBuilder().withNewMetadata().withName("n")
                .withCreationTimestamp(NOW.minusSeconds(3600).toString()).endMetadata();
        if (!status.isEmpty()) {
            node.withNewStatus().addNewCondition().withType("Ready").withStatus(status)
                    .withLastHeartbeatTime(NOW.minusSeconds(heartbeatAgo).toString())
                    .withLastTransitionTime(NOW.minusSeconds(transitionAgo).toString()).endCondition().endStatus();
        }
        return node.build();
    }

    @ParameterizedTest(name = "Ready={0}, heartbeat {1}s ago, transition {2}s ago -> {3}")
    @CsvSource({
            "True,    5,   600, HEALTHY",
            "True,    40,  600, HEALTHY",
            "True,    41,  600, MARK_UNKNOWN",
            "False,   41,  600, MARK_UNKNOWN",
            "'',      0,   0,   MARK_UNKNOWN",
            "Unknown, 100, 30,  NOT_READY",
            "Unknown, 100, 61,  EVICT",
            "False,   5,   30,  NOT_READY",
            "False,   5,   61,  EVICT",
    })
    void judgesByHeartbeatAndTransitionTimes(String status, long heartbeatAgo, long transitionAgo, NodeVerdict expected) {
        assertThat(NodeVerdict.of(node(status, heartbeatAgo, transitionAgo), NOW, GRACE, EVICTION)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} of {0} nodes not ready -> evictions allowed: {2}")
    @CsvSource({
            "0, 0, false",
            "1, 1, false",
            "2, 1, true",
            "3, 1, true",
            "3, 2, false",
            "10, 5, true",
            "10, 6, false",
    })
    void evictionWaitsWhenMostNodesLookDead(int nodes, int notReady, boolean allowed) {
        assertThat(EvictionGate.allows(nodes, notReady, 0.55)).isEqualTo(allowed);
    }
}
