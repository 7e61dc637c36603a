package dev.berth.gateway;

import dev.berth.api.testing.Kubectl;
import dev.berth.api.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static dev.berth.gateway.GatewayCluster.NODE1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster as an operator runs it: the node-agent jar talks to the API only through the gateway, over TLS,
 * as {@code system:node:node-1}; a pod bound to node-1 by hand runs on the real Docker engine, is Running in
 * {@code kubectl get pods}, shows in {@code docker ps}, and its output in {@code kubectl logs}.
 */
class NodeAgentThroughGatewayTest {

    private static final Path JAR = Path.of("..", "node-agent", "target", "node-agent.jar");
    private static final GatewayCluster cluster = GatewayCluster.shared();
    private static Process agent;

    @BeforeAll
    static void startAgent() throws IOException {
        Path log = Files.createTempFile("node-agent", ".log");
        agent = new ProcessBuilder("java", "-Xmx256m", "-jar", JAR.toString(), "--server.address=127.0.0.1",
                "--server.port=" + RedisServer.freePort(), "--berth.node.node-name=node-1",
                "--berth.node.api-server=" + cluster.url(), "--berth.node.token=" + NODE1,
                "--berth.node.api-ca-file=" + cluster.certificate.certificatePem,
                "--berth.node.heartbeat-interval=2s", "--berth.node.resync-interval=1s", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @AfterAll
    static void stopAgent() throws InterruptedException {
        if (agent != null) {
            agent.destroy();
            agent.waitFor();
        }
        String ids = docker("ps", "-aq", "--filter", "label=berth.node.name=node-1");
        if (!ids.isBlank()) {
            docker(List.of(List.of("rm", "-f"), List.of(ids.trim().split("\\s+"))).stream()
                    .flatMap(List::stream).toArray(String[]::new));
        }
    }

    @Test
    void aPodBoundByHandRunsOnTheNodeAndItsLogsComeBackThroughTheGateway() {
        Kubectl kubectl = Kubectl.withToken(cluster.url(), ADMIN, cluster.certificate.authorityData());
        await().atMost(Duration.ofSeconds(90)).until(() -> kubectl.run("get", "node", "node-1", "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}").stdout().equals("True"));
        kubectl.ok("run", "gw-hello", "--image=busybox:latest", "--image-pull-policy=Never", "--restart=Always",
                "--command", "--", "sh", "-c", "echo hello through the gateway; exec sleep 600");
        assertThat(Requests.send("POST", cluster.url() + "/api/v1/namespaces/default/pods/gw-hello/binding", ADMIN,
                "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"gw-hello\"},"
                        + "\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\"node-1\"}}").statusCode())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kubectl.ok("get", "pods", "gw-hello",
                "-o", "wide")).containsPattern("gw-hello +1/1 +Running .* node-1"));
        assertThat(docker("ps", "--filter", "label=berth.pod.name=gw-hello", "--format", "{{.Image}}"))
                .isEqualTo("busybox:latest\n");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(kubectl.ok("logs", "gw-hello")).isEqualTo("hello through the gateway\n"));

        // The agent confirms the deletion through the gateway, as the node the pod is bound to.
        kubectl.ok("delete", "pod", "gw-hello", "--grace-period=1", "--wait=false");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(kubectl.run("get", "pod", "gw-hello").stderr()).contains("NotFound");
            assertThat(docker("ps", "-aq", "--filter", "label=berth.pod.name=gw-hello")).isBlank();
        });
    }

    private static String docker(String... args) {
        try {
            Process process = new ProcessBuilder(List.of(List.of("docker"), List.of(args)).stream()
                    .flatMap(List::stream).toList()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
