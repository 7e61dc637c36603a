package dev.berth.node;

import dev.berth.api.testing.Kubectl;
import dev.berth.api.testing.RedisServer;
import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.docker.DockerRuntime;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real pod-service, a node-agent in this JVM and the real Docker engine: a pod bound to the node runs,
 * answers on its host port, restarts when it crashes, and is stopped and removed when deleted.
 */
class NodeAgentEndToEndTest {

    private static AgentCluster cluster;
    private static String nodeName;
    private static ConfigurableApplicationContext agent;
    private static KubernetesClient client;
    private static final DockerRuntime docker = AgentCluster.DOCKER;

    @BeforeAll
    static void startCluster() {
        cluster = new AgentCluster();
        nodeName = cluster.node;
        client = cluster.client;
        agent = cluster.startAgent();
    }

    @AfterAll
    static void stopCluster() {
        if (agent != null) {
            agent.close();
        }
        cluster.close();
    }

    private static Pod pod(String name, String restartPolicy, String script, int hostPort) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withNodeName(nodeName).withRestartPolicy(restartPolicy).withTerminationGracePeriodSeconds(2L)
                .addNewContainer().withName("main").withImage("busybox:latest").withImagePullPolicy("Never")
                .withCommand("sh", "-c", script).addNewEnv().withName("GREETING").withValue("hello").endEnv()
                .endContainer().endSpec();
        if (hostPort > 0) {
            pod.editSpec().editFirstContainer().addNewPort().withContainerPort(8080).withHostPort(hostPort)
                    .endPort().endContainer().endSpec();
        }
        return pod.build();
    }

    @Test
    void theNodeRegistersAsReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Node node = client.nodes().withName(nodeName).get();
            assertThat(node).isNotNull();
            assertThat(node.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getStatus()).isEqualTo("True");
            });
            assertThat(node.getStatus().getNodeInfo().getContainerRuntimeVersion()).startsWith("docker://");
        });
    }

    @Test
    void aNodeWhoseDockerEngineStopsAnsweringIsNotReadyAndReadyAgainWhenItReturns() {
        String node = nodeName + "-flaky";
        try (DockerSocketRelay engine = new DockerSocketRelay(RedisServer.freePort())) {
            engine.start();
            try (ConfigurableApplicationContext flaky = cluster.startAgentFor(node, "--berth.node.heartbeat-interval=1s",
                    "--berth.node.docker-host=" + engine.dockerHost())) {
                awaitReady(node, "True", null);
                engine.stop();
                awaitReady(node, "False", "ContainerRuntimeUnreachable");
                engine.start();
                awaitReady(node, "True", null);
            }
        }
    }

    private static void awaitReady(String node, String status, String reason) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Node current = client.nodes().withName(node).get();
            assertThat(current).isNotNull();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getStatus()).isEqualTo(status);
                if (reason != null) {
                    assertThat(c.getReason()).isEqualTo(reason);
                }
            });
        });
    }

    @Test
    void aBoundPodRunsAnswersOnItsHostPortAndIsRemovedOnDelete() {
        int port = RedisServer.freePort();
        client.pods().resource(pod("e2e-web", "Always",
                "echo -n \"$GREETING from berth\" > /tmp/index.html && exec httpd -f -p 8080 -h /tmp", port)).create();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Pod pod = client.pods().withName("e2e-web").get();
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(pod.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getStatus()).isEqualTo("True");
            });
            assertThat(pod.getStatus().getHostIP()).isEqualTo("127.0.0.1");
        });
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> httpGet(port).contains("hello from berth"));
        String uid = client.pods().withName("e2e-web").get().getMetadata().getUid();
        assertThat(docker.list(Map.of(Labels.POD_UID, uid))).hasSize(1);

        client.pods().withName("e2e-web").delete();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.pods().withName("e2e-web").get()).isNull();
            assertThat(docker.list(Map.of(Labels.POD_UID, uid))).isEmpty();
        });
    }

    @Test
    void aCrashingContainerIsRestartedAndItsRestartCountRises() {
        client.pods().resource(pod("e2e-crash", "Always", "exit 1", 0)).create();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Pod pod = client.pods().withName("e2e-crash").get();
            assertThat(pod.getStatus().getContainerStatuses()).singleElement()
                    .satisfies(s -> assertThat(s.getRestartCount()).isGreaterThanOrEqualTo(1));
        });
        client.pods().withName("e2e-crash").withGracePeriod(0).delete();
    }

    @Test
    void aMissingImageWithPullPolicyNeverWaitsWithErrImageNeverPull() {
        Pod pod = pod("e2e-noimage", "Always", "true", 0);
        pod.getSpec().getContainers().get(0).setImage("berth-missing-image:1");
        client.pods().resource(pod).create();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.pods().withName("e2e-noimage")
                .get().getStatus().getContainerStatuses()).singleElement().satisfies(s ->
                assertThat(s.getState().getWaiting().getReason()).isEqualTo("ErrImageNeverPull")));
        client.pods().withName("e2e-noimage").withGracePeriod(0).delete();
    }

    @Test
    void kubectlLogsShowsTheContainersOutputThroughPodService() {
        client.pods().resource(pod("e2e-logs", "Always",
                "echo first line; echo \"$GREETING from the logs\"; exec sleep 600", 0)).create();
        Kubectl kubectl = new Kubectl(cluster.podService.url());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(kubectl.ok("logs", "e2e-logs")).isEqualTo("first line\nhello from the logs\n"));
        assertThat(kubectl.ok("logs", "e2e-logs", "--tail=1")).isEqualTo("hello from the logs\n");
        assertThat(kubectl.ok("logs", "e2e-logs", "-c", "main", "--timestamps")).containsPattern(
                "\\d{4}-\\d{2}-\\d{2}T[^ ]+ first line");
        Kubectl.Result wrong = kubectl.run("logs", "e2e-logs", "-c", "nope");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("container nope is not valid");
        client.pods().withName("e2e-logs").withGracePeriod(0).delete();
    }

    @Test
    void kubectlLogsFollowShowsLinesAsTheContainerWritesThem() throws Exception {
        client.pods().resource(pod("e2e-follow", "Always",
                "echo first; while [ ! -f /tmp/go ]; do sleep 0.2; done; echo second; exec sleep 600", 0)).create();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "Running".equals(client.pods().withName("e2e-follow").get().getStatus().getPhase()));
        Process follow = new Kubectl(cluster.podService.url()).start("logs", "-f", "e2e-follow");
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(follow.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("first");
            String container = client.pods().withName("e2e-follow").get().getStatus().getContainerStatuses().get(0)
                    .getContainerID().substring("docker://".length());
            assertThat(docker.exec(container, java.util.List.of("touch", "/tmp/go"), Duration.ofSeconds(10))).isZero();
            // The second line is written only now, so it can only arrive through a live stream.
            assertThat(lines.readLine()).isEqualTo("second");
        } finally {
            follow.destroy();
        }
        client.pods().withName("e2e-follow").withGracePeriod(0).delete();
    }

    @Test
    void aRestartedAgentAdoptsRunningContainersWithoutRestartingThem() {
        client.pods().resource(pod("e2e-adopt", "Always", "exec sleep 600", 0)).create();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "Running".equals(client.pods().withName("e2e-adopt").get().getStatus().getPhase()));
        String uid = client.pods().withName("e2e-adopt").get().getMetadata().getUid();
        String containerId = docker.list(Map.of(Labels.POD_UID, uid)).get(0).id();

        agent.close();
        agent = cluster.startAgent();
        // Several resyncs pass; the same container keeps running and is not restarted.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(docker.list(Map.of(Labels.POD_UID, uid))).extracting(c -> c.id()).containsExactly(containerId);
            assertThat(client.pods().withName("e2e-adopt").get().getStatus().getContainerStatuses().get(0)
                    .getRestartCount()).isZero();
        });
        client.pods().withName("e2e-adopt").withGracePeriod(0).delete();
    }

    @Test
    void containersOfPodsThatNoLongerExistAreRemoved() {
        String orphan = docker.create(new dev.berth.node.runtime.ContainerSpec("e2e-orphan-" + nodeName, "busybox:latest",
                java.util.List.of("sleep", "600"), java.util.List.of(), Map.of(), null,
                Map.of(Labels.MANAGED, "true", Labels.NODE_NAME, nodeName, Labels.POD_UID, "no-such-pod-" + nodeName,
                        Labels.CONTAINER_NAME, "x"),
                java.util.List.of(), 0, 0, dev.berth.node.runtime.ContainerSpec.HostAccess.NONE));
        docker.start(orphan);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(docker.list(Map.of(Labels.POD_UID, "no-such-pod-" + nodeName))).isEmpty());
    }

    private static String httpGet(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
