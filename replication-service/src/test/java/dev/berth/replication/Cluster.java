package dev.berth.replication;

import dev.berth.api.testing.PodServiceProcess;
import dev.berth.api.testing.RedisServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Redis, a real pod-service process and replication-service instances (in this JVM) sharing one key
 * prefix, as in a cluster without the gateway: the loops reach pod-service and their own server directly.
 * One per test JVM, shared by the test classes; tests use their own names or namespaces.
 */
public final class Cluster {

    private static Cluster shared;
    private static RuntimeException failed;

    public final RedisServer redis = RedisServer.shared();
    public final String prefix = RedisServer.newPrefix();
    public final PodServiceProcess podService = new PodServiceProcess(redis, prefix, "");
    public final int port = RedisServer.freePort();
    public final ConfigurableApplicationContext replicationService;
    /** Pods, services, endpoints, nodes: pod-service. */
    public final KubernetesClient core;
    /** Replication controllers: replication-service. */
    public final KubernetesClient rcs;

    private Cluster() {
        try {
            podService.start(Duration.ofMinutes(3));
            replicationService = start(port);
        } catch (RuntimeException e) {
            podService.stop();
            throw e;
        }
        core = client(podService.url());
        rcs = client(url());
    }

    public static synchronized Cluster shared() {
        if (failed != null) {
            // One failed start is enough: the other classes fail fast instead of starting processes again.
            throw new IllegalStateException("the test cluster did not start", failed);
        }
        if (shared == null) {
            try {
                shared = new Cluster();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.replicationService.close();
                shared.podService.stop();
            }));
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A replication-service instance on {@code port}; all instances compete for one leader lock. */
    public ConfigurableApplicationContext start(int port, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--berth.storage.key-prefix=" + prefix,
                "--berth.controllers.api.pods-url=" + podService.url(),
                "--berth.controllers.api.controllers-url=http://127.0.0.1:" + port,
                "--berth.leader.role=controller-manager-" + prefix, "--berth.leader.lease=3s",
                "--berth.leader.renewal=500ms",
                "--berth.controllers.nodes.monitor-period=500ms",
                "--berth.controllers.nodes.grace-period=3s",
                "--berth.controllers.nodes.eviction-timeout=3s",
                "--logging.level.root=WARN", "--logging.level.dev.berth=INFO"));
        args.addAll(List.of(extra));
        return SpringApplication.run(ReplicationServiceApplication.class, args.toArray(String[]::new));
    }

    public static KubernetesClient client(String url) {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url).withNamespace("default")
                .withRequestRetryBackoffInterval(100).withWatchReconnectInterval(200).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
