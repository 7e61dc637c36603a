package dev.berth.replication.nodes;

import dev.berth.replication.Cluster;
import dev.berth.replication.Fixtures;
import dev.berth.replication.Http;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that stops heartbeating loses its pods to another node. The test plays the node-agents
 * (heartbeats) and the scheduler (bindings); grace period and eviction timeout are 3 s each here.
 */
class NodeLifecycleTest {

    private static final Duration CONVERGE = Duration.ofSeconds(30);

    private final Cluster cluster = Cluster.shared();
    private final KubernetesClient core = cluster.core;
    private final Set<String> heartbeating = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService agents = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopAgents() {
        agents.shutdownNow();
    }

    private void register(String name) {
        core.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        heartbeat(name);
        heartbeating.add(name);
    }

    private void heartbeat(String name) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Node node = core.nodes().withName(name).get();
        Node ready = new NodeBuilder(node).editOrNewStatus().withConditions(List.of(new io.fabric8.kubernetes.api.model.NodeConditionBuilder()
                .withType("Ready").withStatus("True").withReason("AgentReady").withLastHeartbeatTime(now)
                .withLastTransitionTime(now).build())).endStatus().build();
        core.nodes().resource(ready).updateStatus();
    }

    private String readyStatus(String name) {
        return core.nodes().withName(name).get().getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType())).map(NodeCondition::getStatus).findFirst().orElse("");
    }

    private List<Pod> active() {
        return core.pods().withLabel("app", "evictable").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    /** The scheduler's part: bind every unscheduled pod to {@code node}. */
    private void bindUnscheduledTo(String node) {
        Http http = new Http(cluster.podService.url());
        for (Pod pod : active()) {
            if (pod.getSpec().getNodeName() == null) {
                String name = pod.getMetadata().getName();
                http.post("/api/v1/namespaces/default/pods/" + name + "/binding",
                        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"" + name + "\"},"
                                + "\"target\":{\"kind\":\"Node\",\"name\":\"" + node + "\"}}");
            }
        }
    }

    @Test
    void aSilentNodeBecomesUnknownAndItsPodsAreRecreatedElsewhere() {
        register("node-silent");
        register("node-alive");
        agents.scheduleWithFixedDelay(() -> heartbeating.forEach(n -> {
            try {
                heartbeat(n);
            } catch (RuntimeException conflictWithTheController) {
                // the next beat goes through
            }
        }), 500, 500, TimeUnit.MILLISECONDS);

        cluster.rcs.replicationControllers().resource(Fixtures.rc("evictable", 2, Map.of("app", "evictable"))).create();
        await().atMost(CONVERGE).until(() -> active().size() == 2);
        bindUnscheduledTo("node-silent");
        active().forEach(p -> Fixtures.report(core, p, true, "127.0.0.2", Map.of("80/TCP", 31080)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> "True".equals(readyStatus("node-silent")));

        heartbeating.remove("node-silent");
        await().atMost(CONVERGE).until(() -> "Unknown".equals(readyStatus("node-silent")));
        // Its pods are not ready from then on.
        await().atMost(CONVERGE).until(() -> active().stream().noneMatch(dev.berth.replication.objects.Pods::isReady));

        // After the eviction timeout they are deleted and replaced; the "scheduler" puts them on the live node.
        await().atMost(CONVERGE).until(() -> {
            bindUnscheduledTo("node-alive");
            List<Pod> pods = active();
            return pods.size() == 2 && pods.stream().allMatch(p -> "node-alive".equals(p.getSpec().getNodeName()));
        });
        assertThat(readyStatus("node-alive")).isEqualTo("True");
        cluster.rcs.replicationControllers().withName("evictable").delete();
    }
}
