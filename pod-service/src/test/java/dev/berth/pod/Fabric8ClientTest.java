package dev.berth.pod;

import dev.berth.api.testing.RedisServer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fabric8 client and its informers work against pod-service, including across a server restart. */
class Fabric8ClientTest {

    private static Pod pod(String name, String node) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(Map.of("app", "f8")).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("busybox").endContainer()
                .endSpec().build();
    }

    private static ConfigurableApplicationContext startServer(int port, String prefix) {
        RedisServer redis = RedisServer.shared();
        return SpringApplication.run(dev.berth.pod.PodServiceApplication.class,
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--berth.storage.key-prefix=" + prefix);
    }

    @Test
    void informerWithFieldSelectorResumesAfterServerRestartWithoutMissingEvents() {
        String prefix = RedisServer.newPrefix();
        int port = RedisServer.freePort();
        int otherPort = RedisServer.freePort();
        ConfigurableApplicationContext server = startServer(port, prefix);
        Config config = new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + port).withNamespace("default")
                .withRequestRetryBackoffInterval(100).withWatchReconnectInterval(200).build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            client.pods().resource(pod("on-n1", "n1")).create();
            client.pods().resource(pod("on-n2", "n2")).create();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            SharedIndexInformer<Pod> informer = client.pods().withField("spec.nodeName", "n1")
                    .inform(new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(Pod pod) {
                            seen.add(pod.getMetadata().getName());
                        }

                        @Override
                        public void onUpdate(Pod old, Pod pod) {
                            seen.add(pod.getMetadata().getName());
                        }

                        @Override
                        public void onDelete(Pod pod, boolean unknown) {
                            seen.remove(pod.getMetadata().getName());
                        }
                    });
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.equals(Set.of("on-n1")));

            // The server goes away; meanwhile another instance (same Redis) takes a write.
            server.close();
            ConfigurableApplicationContext other = startServer(otherPort, prefix);
            try (KubernetesClient otherClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(config)
                    .withMasterUrl("http://127.0.0.1:" + otherPort).build()).build()) {
                otherClient.pods().resource(pod("while-down", "n1")).create();
            } finally {
                other.close();
            }

            server = startServer(port, prefix);
            client.pods().resource(pod("after-restart", "n1")).create();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> seen.equals(Set.of("on-n1", "while-down", "after-restart")));
            assertThat(informer.getStore().list()).extracting(p -> p.getMetadata().getName())
                    .containsExactlyInAnyOrder("on-n1", "while-down", "after-restart");

            client.pods().withName("on-n1").withGracePeriod(0).delete();
            await().atMost(Duration.ofSeconds(30)).until(() -> !seen.contains("on-n1"));
            informer.close();
        } finally {
            server.close();
        }
    }
}
