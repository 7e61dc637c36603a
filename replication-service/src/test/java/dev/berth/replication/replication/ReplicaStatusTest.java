package dev.berth.replication.replication;

import dev.berth.replication.Fixtures;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:01:00Z");

    private static Pod pod(boolean ready, String readySince, Map<String, String> labels) {
        Pod pod = Fixtures.pod("p", labels);
        pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False")
                        .withLastTransitionTime(readySince).build()).build());
        return pod;
    }

    @ParameterizedTest(name = "minReadySeconds={0}: ready={1} since {2} -> ready {3}, available {4}")
    @CsvSource({
            "0,  true,  2026-11-25T10:00:59Z, 1, 1",
            "0,  false, 2026-11-25T10:00:00Z, 0, 0",
            "30, true,  2026-11-25T10:00:00Z, 1, 1",
            "30, true,  2026-11-25T10:00:45Z, 1, 0",
    })
    void countsReadyAndAvailable(int minReady, boolean ready, String since, int readyCount, int availableCount) {
        ReplicationController rc = Fixtures.rc("web", 3, Map.of("app", "web"));
        rc.getSpec().setMinReadySeconds(minReady);
        rc.getMetadata().setGeneration(4L);
        ReplicationControllerStatus status = ReplicaStatus.of(rc, List.of(pod(ready, since, Map.of("app", "web"))), NOW);
        assertThat(status.getReplicas()).isEqualTo(1);
        assertThat(status.getFullyLabeledReplicas()).isEqualTo(1);
        assertThat(status.getReadyReplicas()).isEqualTo(readyCount);
        assertThat(status.getAvailableReplicas()).isEqualTo(availableCount);
        assertThat(status.getObservedGeneration()).isEqualTo(4L);
    }
}
