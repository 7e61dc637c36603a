package dev.berth.replication;

import dev.berth.api.testing.Kubectl;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's walk-through on the API side: the v1beta1 controller JSON creates one pod; a deleted pod is
 * replaced; {@code kubectl scale rc rediscontroller --replicas=3} gives three. (Running and spread over nodes
 * needs the scheduler and node-agents; here the test reports the pod Running as a node-agent would.)
 */
class SeedWalkthroughTest {

    private static final Duration CONVERGE = Duration.ofSeconds(30);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Cluster cluster = Cluster.shared();
    private final KubernetesClient core = cluster.core;

    private List<Pod> redisPods() {
        return core.pods().inNamespace("default").withLabel("name", "redis").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private static String seed() throws IOException {
        try (InputStream in = SeedWalkthroughTest.class.getResourceAsStream("/seed/redis-controller.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSeedControllerKeepsItsPodsAndScalesWithKubectl() throws IOException {
        Http http = new Http(cluster.url());
        var created = http.post("/api/v1beta1/replicationControllers", seed());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Warning")).hasValueSatisfying(w -> assertThat(w).contains("rediscontroller"));
        JsonNode body = MAPPER.readTree(created.body());
        assertThat(body.path("id").asString()).isEqualTo("rediscontroller");
        assertThat(body.path("desiredState").path("replicas").asInt()).isEqualTo(1);

        await().atMost(CONVERGE).until(() -> redisPods().size() == 1);
        Pod first = redisPods().get(0);
        assertThat(first.getMetadata().getOwnerReferences().get(0).getName()).isEqualTo("rediscontroller");
        assertThat(first.getSpec().getContainers().get(0).getPorts().get(0).getHostPort()).isEqualTo(6379);
        Fixtures.report(core, first, true, "127.0.0.2", Map.of("6379/TCP", 6379));
        await().atMost(CONVERGE).until(() -> MAPPER.readTree(
                http.get("/api/v1beta1/replicationControllers/redisController").body())
                .path("currentState").path("replicas").asInt() == 1);

        core.pods().withName(first.getMetadata().getName()).delete();
        await().atMost(CONVERGE).until(() -> redisPods().size() == 1
                && !redisPods().get(0).getMetadata().getName().equals(first.getMetadata().getName()));

        Kubectl kubectl = new Kubectl(cluster.url());
        assertThat(kubectl.ok("scale", "rc", "rediscontroller", "--replicas=3"))
                .contains("replicationcontroller/rediscontroller scaled");
        await().atMost(CONVERGE).until(() -> redisPods().size() == 3);
        await().atMost(CONVERGE).untilAsserted(() -> {
            String table = kubectl.ok("get", "rc", "rediscontroller");
            assertThat(table.lines().findFirst().orElseThrow())
                    .containsSubsequence("NAME", "DESIRED", "CURRENT", "READY", "AGE");
            assertThat(table).containsPattern("rediscontroller\\s+3\\s+3\\s+0");
        });

        cluster.rcs.replicationControllers().withName("rediscontroller").delete();
        await().atMost(CONVERGE).until(() -> redisPods().isEmpty());
    }
}
