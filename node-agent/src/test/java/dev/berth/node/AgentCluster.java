package dev.berth.node;

import dev.berth.api.testing.PodServiceProcess;
import dev.berth.api.testing.RedisServer;
import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.docker.DockerRuntime;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real pod-service, node-agents in this JVM on the real Docker engine, and a fabric8 client. */
final class AgentCluster implements AutoCloseable {

    static final DockerRuntime DOCKER = DockerRuntime.connect("unix:///var/run/docker.sock", 40);

    final String node = "test-node-" + UUID.randomUUID().toString().substring(0, 6);
    final PodServiceProcess podService;
    final KubernetesClient client;
    private final List<String> nodes = new ArrayList<>();

    AgentCluster() {
        podService = new PodServiceProcess(RedisServer.shared(), RedisServer.newPrefix(), "");
        podService.start();
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(podService.url())
                .withNamespace("default").build()).build();
    }

    /** The cluster's node-agent, with fast heartbeats and resyncs so tests see changes quickly. */
    ConfigurableApplicationContext startAgent(String... extra) {
        return startAgentFor(node, extra);
    }

    ConfigurableApplicationContext startAgentFor(String nodeName, String... extra) {
        nodes.add(nodeName);
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : List.of("--server.port=0", "--server.address=127.0.0.1",
                "--berth.node.node-name=" + nodeName, "--berth.node.api-server=" + podService.url(),
                "--berth.node.heartbeat-interval=2s", "--berth.node.resync-interval=1s", "--logging.level.root=WARN")) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        // A repeated property would be bound as a list ("2s,1s"): the test's value replaces the default.
        for (String arg : extra) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        return new SpringApplicationBuilder(NodeAgentApplication.class).run(args.values().toArray(String[]::new));
    }

    @Override
    public void close() {
        nodes.forEach(n -> DOCKER.list(Map.of(Labels.NODE_NAME, n)).forEach(c -> DOCKER.remove(c.id())));
        client.close();
        podService.stop();
    }
}
