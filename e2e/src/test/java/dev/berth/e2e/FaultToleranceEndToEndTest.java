package dev.berth.e2e;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults as tests, on a cluster started by {@code ./berth up --nodes 2}: every component is killed with
 * SIGKILL while a replication controller is being scaled and brought back with {@code ./berth restart};
 * a node-agent stays down past the node grace period; the API server restarts under open watches. Through it
 * all, one client keeps writing and one keeps watching. Each fault must converge within 30 s of recovery:
 * the desired number of pods Running and ready, as many containers and no more, the service answering on
 * every node. At the end, no acknowledged write may be missing and the watch must have seen every change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceEndToEndTest {

    private static final Path STATE = Path.of("..").toAbsolutePath().normalize().resolve(".berth");
    private static final String APP = "churn";
    private static final int SERVICE_PORT = 18080;
    private static final List<String> NODE_ADDRESSES = List.of("127.0.0.2", "127.0.0.3");
    private static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final Duration NODE_GRACE = Duration.ofSeconds(30);
    private static final Duration EVICTION_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Node timings short enough for a test (Kubernetes: 40 s grace, 5 min eviction): heartbeats every 2 s, a
     * node silent for 30 s is not ready. 30 s still covers a node-agent's own restart on this machine.
     */
    private static final Map<String, String> TIMINGS = Map.of(
            "BERTH_NODE_HEARTBEATINTERVAL", "2s",
            "BERTH_CONTROLLERS_NODES_MONITORPERIOD", "1s",
            "BERTH_CONTROLLERS_NODES_GRACEPERIOD", NODE_GRACE.toSeconds() + "s",
            "BERTH_CONTROLLERS_NODES_EVICTIONTIMEOUT", EVICTION_TIMEOUT.toSeconds() + "s");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Seconds from a component's restart to convergence, in the order the faults ran. */
    private static final Map<String, Long> CONVERGED_AFTER = new LinkedHashMap<>();

    private static KubernetesClient client;
    private static AcknowledgedWrites writes;
    private static WatchRecord watched;
    private static Watch watch;
    private static int replicas = 3;

    @BeforeAll
    static void up() throws IOException {
        Berth.Result up = Berth.exec(List.of("./berth", "up", "--nodes", "2"), TIMINGS, Duration.ofMinutes(10));
        assertThat(up.exitCode()).as(up.output()).isZero();
        Config config = new ConfigBuilder(Config.fromKubeconfig(Files.readString(STATE.resolve("kubeconfig"))))
                .withRequestTimeout(5_000).withConnectionTimeout(2_000).withRequestRetryBackoffLimit(0)
                .withWatchReconnectInterval(500).build();
        client = new KubernetesClientBuilder().withConfig(config).build();

        String from = client.pods().withLabel("app", APP).list().getMetadata().getResourceVersion();
        watched = new WatchRecord();
        watch = client.pods().withLabel("app", APP)
                .watch(new ListOptionsBuilder().withResourceVersion(from).build(), watched);
        client.resource(controller()).create();
        client.resource(new ServiceBuilder().withNewMetadata().withName(APP).endMetadata()
                .withNewSpec().withSelector(Map.of("app", APP)).addNewPort().withPort(SERVICE_PORT)
                .withTargetPort(new IntOrString(8080)).endPort().endSpec().build()).create();
        awaitConverged(Duration.ofMinutes(2), null);
        writes = new AcknowledgedWrites(client, 3_000);
        writes.start();
    }

    @AfterAll
    static void down() throws InterruptedException {
        System.out.println("Seconds from restart to convergence: " + CONVERGED_AFTER);
        if (writes != null) {
            writes.close();
        }
        if (watch != null) {
            watch.close();
        }
        if (client != null) {
            client.close();
        }
        Berth.down("fault-tolerance");
    }

    /** Each kill comes right after a scale, up or down, so it lands while pods are created or deleted. */
    @ParameterizedTest(name = "{0} killed while scaling to {1}")
    @CsvSource({"redis, 5", "pod-service, 2", "replication-service, 4", "scheduling-service, 1", "api-gateway, 3",
            "node-agent-1, 5", "proxy-agent-1, 2"})
    @Order(1)
    void aComponentKilledWhileAControllerScalesComesBackAndTheClusterConverges(String component, int count) {
        scale(count);
        kill(component);
        restart(component);
        long recovered = System.nanoTime();
        awaitConverged(CONVERGENCE, null);
        CONVERGED_AFTER.put(component, Duration.ofNanos(System.nanoTime() - recovered).toSeconds());
    }

    @Test
    @Order(2)
    void aNodeDownPastItsGracePeriodHasItsPodsReplacedAndItsOrphansRemovedWhenItReturns() {
        // Pods on both nodes: the ones on node-2 are the ones to replace.
        scale(4);
        awaitConverged(CONVERGENCE, null);
        assertThat(podsOn("node-2")).isNotEmpty();

        kill("node-agent-2");
        long killed = System.nanoTime();
        await().atMost(NODE_GRACE.plus(EVICTION_TIMEOUT).plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(ready("node-2")).isNotEqualTo("True");
                    assertThat(podsOn("node-2")).isEmpty();
                    // Its containers still run, with nobody to stop them: they are not counted until it returns.
                    assertThat(state("node-2")).isEqualTo("converged");
                });
        CONVERGED_AFTER.put("node-2 down (from the kill)", Duration.ofNanos(System.nanoTime() - killed).toSeconds());

        restart("node-agent-2");
        long recovered = System.nanoTime();
        await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(ready("node-2")).isEqualTo("True");
            assertThat(Berth.docker("ps", "-q", "--filter", "label=berth.node.name=node-2")).as("orphans").isBlank();
            assertThat(state(null)).isEqualTo("converged");
        });
        CONVERGED_AFTER.put("node-agent-2 back", Duration.ofNanos(System.nanoTime() - recovered).toSeconds());
    }

    @Test
    @Order(3)
    void theApiServerRestartedUnderOpenWatchesServesThemFromTheirRevisionWithoutAListStorm() {
        kill("pod-service");
        restart("pod-service");
        long recovered = System.nanoTime();
        scale(++replicas);
        // Only containers, not the API, until the metrics are read: the test's own lists must not count.
        await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> containers(null).size() == replicas);
        String metrics = Http.get("http://127.0.0.1:8081/actuator/prometheus");
        assertThat(count(metrics, "berth_api_watch_requests_total")).as("watches re-opened").isPositive();
        assertThat(count(metrics, "berth_api_requests_seconds_count", "verb=\"list\""))
                .as("lists since the restart: every informer resumed from its resourceVersion").isZero();
        awaitConverged(CONVERGENCE, null);
        CONVERGED_AFTER.put("pod-service under watches", Duration.ofNanos(System.nanoTime() - recovered).toSeconds());
    }

    @Test
    @Order(4)
    void noAcknowledgedWriteIsLostAndTheWatchSawEveryChange() throws InterruptedException {
        writes.close();
        Set<String> stored = client.namespaces().list().getItems().stream().map(n -> n.getMetadata().getName())
                .filter(n -> n.startsWith(AcknowledgedWrites.PREFIX)).collect(Collectors.toSet());
        System.out.printf("Writes: %d attempted, %d acknowledged, %d stored%n", writes.attempted(),
                writes.acknowledged().size(), stored.size());
        assertThat(writes.acknowledged()).as("acknowledged writes").isNotEmpty();
        assertThat(stored).containsAll(writes.acknowledged());
        assertThat(stored).allMatch(n -> Integer.parseInt(n.substring(AcknowledgedWrites.PREFIX.length()))
                < writes.attempted());

        assertThat(watched.closedWith()).as("the watch never had to give up").isNull();
        await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, WatchRecord.Last> seen = watched.last();
            List<Pod> pods = client.pods().withLabel("app", APP).list().getItems();
            for (Pod pod : pods) {
                assertThat(seen.get(pod.getMetadata().getName())).as(pod.getMetadata().getName())
                        .isNotNull().extracting(WatchRecord.Last::resourceVersion)
                        .isEqualTo(pod.getMetadata().getResourceVersion());
            }
            Set<String> current = pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
            assertThat(seen.keySet().stream().filter(n -> !current.contains(n)))
                    .as("pods gone whose deletion the watch saw").allMatch(watched.deleted()::contains);
        });
    }

    private static ReplicationController controller() {
        return new ReplicationControllerBuilder().withNewMetadata().withName(APP).endMetadata()
                .withNewSpec().withReplicas(replicas).withSelector(Map.of("app", APP))
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", APP)).endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(1L)
                .addNewContainer().withName("web").withImage("busybox:latest").withImagePullPolicy("Never")
                .withCommand("sh", "-c", "echo \"$HOSTNAME\" > /tmp/index.html; exec httpd -f -p 8080 -h /tmp")
                .addNewPort().withContainerPort(8080).endPort().endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    /** An acknowledged scale: the API is up when it is asked (the previous fault has converged). */
    private static void scale(int count) {
        replicas = count;
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> client.replicationControllers().withName(APP).scale(count) != null);
    }

    private static void kill(String component) {
        Path pidFile = component.equals("redis") ? STATE.resolve("redis/redis.pid")
                : STATE.resolve("pids/" + component + ".pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Berth.Result kill = Berth.exec(List.of("kill", "-9", Long.toString(pid)), Map.of(), Duration.ofSeconds(10));
        assertThat(kill.exitCode()).as(kill.output()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Berth.running(pid));
    }

    private static void restart(String component) {
        Berth.Result restart = Berth.exec(List.of("./berth", "restart", component), TIMINGS, Duration.ofMinutes(3));
        assertThat(restart.exitCode()).as(restart.output()).isZero();
    }

    private static void awaitConverged(Duration limit, String excludedNode) {
        await().atMost(limit).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> assertThat(state(excludedNode)).isEqualTo("converged"));
        await().atMost(limit).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String address : NODE_ADDRESSES) {
                assertThat(serves(address)).as("the service through the proxy on " + address).isTrue();
            }
        });
    }

    /**
     * "converged", or what is not yet: the controller's view, the API's pods and the engine's containers must all
     * show exactly the desired count, every pod Running and ready, no container of a pod the API does not have.
     * Containers on {@code excludedNode}, whose agent is down, are not counted.
     */
    private static String state(String excludedNode) {
        ReplicationController rc = client.replicationControllers().withName(APP).get();
        List<Pod> pods = client.pods().withLabel("app", APP).list().getItems();
        Set<String> uids = pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
        long readyPods = pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null
                && "Running".equals(p.getStatus().getPhase()) && p.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"))).count();
        List<String> containers = containers(excludedNode);
        long strangers = containers.stream().filter(uid -> !uids.contains(uid)).count();
        Integer seen = rc.getStatus().getReplicas();
        Integer ready = rc.getStatus().getReadyReplicas();
        boolean converged = rc.getSpec().getReplicas() == replicas && seen != null && seen == replicas
                && ready != null && ready == replicas && pods.size() == replicas && readyPods == replicas
                && containers.size() == replicas && strangers == 0;
        return converged ? "converged" : "want %d: controller sees %s (%s ready), API has %d pods (%d ready), engine runs %d containers (%d of pods not in the API)"
                .formatted(replicas, seen, ready, pods.size(), readyPods, containers.size(), strangers);
    }

    /** The pod UIDs of the running containers of this test's pods. */
    private static List<String> containers(String excludedNode) {
        String out = Berth.docker("ps", "--filter", "label=berth.pod.uid", "--format",
                "{{.Label \"berth.pod.name\"}} {{.Label \"berth.pod.uid\"}} {{.Label \"berth.node.name\"}}");
        return out.lines().map(line -> line.split(" "))
                .filter(f -> f.length == 3 && f[0].startsWith(APP + "-") && !f[2].equals(excludedNode))
                .map(f -> f[1]).toList();
    }

    private static List<String> podsOn(String node) {
        return client.pods().withLabel("app", APP).list().getItems().stream()
                .filter(p -> node.equals(p.getSpec().getNodeName()) && p.getMetadata().getDeletionTimestamp() == null)
                .map(p -> p.getMetadata().getName()).toList();
    }

    private static String ready(String node) {
        Node n = client.nodes().withName(node).get();
        return n.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                .map(c -> c.getStatus()).findFirst().orElse("none");
    }

    private static boolean serves(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://" + address + ":" + SERVICE_PORT + "/")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().isBlank();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The sum of a Prometheus metric's samples whose labels contain every one of {@code labels}. */
    private static double count(String metrics, String name, String... labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
