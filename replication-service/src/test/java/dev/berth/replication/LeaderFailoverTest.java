package dev.berth.replication;

import dev.berth.api.testing.RedisServer;
import dev.berth.replication.manager.ControllerManager;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances: both serve the API, only the leader runs the loops; when it stops, the standby takes
 * over within 15 s and keeps the replica count. Runs last, as it stops the shared cluster's instance.
 */
@Order(Integer.MAX_VALUE)
class LeaderFailoverTest {

    private final Cluster cluster = Cluster.shared();

    private List<Pod> active() {
        return cluster.core.pods().withLabel("app", "failover").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    @Test
    void theStandbyTakesOverWhenTheLeaderStops() {
        ControllerManager leader = cluster.replicationService.getBean(ControllerManager.class);
        await().atMost(Duration.ofSeconds(30)).until(leader::running);
        int port = RedisServer.freePort();
        ConfigurableApplicationContext standby = cluster.start(port);
        try (KubernetesClient rcs = Cluster.client("http://127.0.0.1:" + port)) {
            ControllerManager second = standby.getBean(ControllerManager.class);
            // The standby serves the API; the leader's loops act on what it stores.
            rcs.replicationControllers().resource(Fixtures.rc("failover", 1, Map.of("app", "failover"))).create();
            await().atMost(Duration.ofSeconds(30)).until(() -> active().size() == 1);
            assertThat(second.running()).isFalse();

            Instant stopped = Instant.now();
            cluster.replicationService.close();
            await().atMost(Duration.ofSeconds(15)).until(second::running);
            assertThat(Duration.between(stopped, Instant.now())).isLessThan(Duration.ofSeconds(15));

            rcs.replicationControllers().withName("failover").scale(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> active().size() == 3);
            cluster.core.pods().withName(active().get(0).getMetadata().getName()).delete();
            await().atMost(Duration.ofSeconds(30)).until(() -> active().size() == 3);
        } finally {
            standby.close();
        }
    }
}
