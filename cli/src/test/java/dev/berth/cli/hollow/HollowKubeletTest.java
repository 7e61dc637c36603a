package dev.berth.cli.hollow;

import dev.berth.cli.TestCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hollow nodes against a real pod-service: they register, stay Ready, run their pods on paper and let them go. */
class HollowKubeletTest {

    private static TestCluster cluster;

    @BeforeAll
    static void start(@TempDir Path dir) {
        cluster = TestCluster.start(dir);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void podsBoundToHollowNodesRunWithoutContainersAndDeleteAtOnce() {
        KubernetesClient client = cluster.admin().client();
        try (HollowKubelet kubelet = new HollowKubelet(client, "sim", 3)) {
            kubelet.start(Duration.ofSeconds(2));
            assertThat(client.nodes().withLabel(HollowKubelet.LABEL, "true").list().getItems()).hasSize(3)
                    .allSatisfy(node -> assertThat(node.getSpec().getTaints()).singleElement()
                            .satisfies(taint -> assertThat(taint.getEffect()).isEqualTo("NoSchedule")));
            assertThat(cluster.berth("get", "nodes").out()).containsPattern("sim-1 +Ready").containsPattern("sim-3 +Ready");

            client.pods().resource(new PodBuilder().withNewMetadata().withName("on-hollow").endMetadata().withNewSpec()
                    .withNodeName("sim-2").addNewContainer().withName("app").withImage("busybox:latest").endContainer()
                    .endSpec().build()).create();
            await().atMost(Duration.ofSeconds(30)).until(() -> "Running".equals(
                    client.pods().withName("on-hollow").get().getStatus().getPhase()));
            var status = client.pods().withName("on-hollow").get().getStatus();
            assertThat(status.getHostIP()).isEqualTo("127.1.0.2");
            assertThat(status.getContainerStatuses()).singleElement().satisfies(c -> assertThat(c.getReady()).isTrue());

            // Deletion is graceful for a bound pod: the hollow node confirms it, as an agent would after stopping containers.
            client.pods().withName("on-hollow").delete();
            await().atMost(Duration.ofSeconds(30)).until(() -> client.pods().withName("on-hollow").get() == null);

            // A heartbeat renews the Ready condition.
            String first = heartbeat(client, "sim-3");
            await().atMost(Duration.ofSeconds(30)).until(() -> !heartbeat(client, "sim-3").equals(first));
        }
    }

    private static String heartbeat(KubernetesClient client, String node) {
        return client.nodes().withName(node).get().getStatus().getConditions().stream()
                .filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow().getLastHeartbeatTime();
    }
}
