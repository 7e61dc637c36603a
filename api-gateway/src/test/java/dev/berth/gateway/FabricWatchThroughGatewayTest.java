package dev.berth.gateway;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A watch as the fabric8 client makes it by default: WebSocket first, then, when the server declines the
 * upgrade, a plain HTTP stream. Through the gateway it must deliver events.
 */
class FabricWatchThroughGatewayTest {

    private final GatewayCluster cluster = GatewayCluster.shared();

    @Test
    void aWebSocketFirstWatchFallsBackToHttpAndSeesEvents() {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(cluster.url()).withOauthToken(ADMIN)
                .withCaCertData(cluster.certificate.authorityData()).withNamespace("default").build();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
             Watch watch = client.pods().watch(new Watcher<>() {
                 @Override
                 public void eventReceived(Action action, Pod pod) {
                     seen.add(action + " " + pod.getMetadata().getName());
                 }

                 @Override
                 public void onClose(WatcherException cause) {
                     seen.add("CLOSED " + cause.getMessage());
                 }
             })) {
            client.pods().resource(new PodBuilder().withNewMetadata().withName("fabric-watched").endMetadata()
                    .withNewSpec().addNewContainer().withName("app").withImage("busybox:latest").endContainer()
                    .endSpec().build()).create();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("ADDED fabric-watched"));
                assertThat(seen).noneMatch(event -> event.startsWith("CLOSED"));
            } finally {
                client.pods().withName("fabric-watched").withGracePeriod(0).delete();
            }
        }
    }
}
