package dev.berth.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The original walk-through, on a whole cluster started by {@code ./berth up --nodes 3 --hollow-nodes 2}
 * (Redis, both API servers behind the TLS gateway, the scheduler, a node-agent and proxy-agent per node on
 * 127.0.0.2–4, and two simulated nodes), driven with the Berth CLI (the seed's kubecfg forms and its v1beta1
 * JSON, tables, describe, logs) and the real kubectl (through {@code ./berth kubectl}); {@code ./berth down}
 * must leave no process and no container behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedWalkthroughEndToEndTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path STATE = ROOT.resolve(".berth");
    private static final List<String> NODE_ADDRESSES = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");

    @BeforeAll
    static void up() {
        Berth.Result up = Berth.run(Duration.ofMinutes(10), "up", "--nodes", "3", "--hollow-nodes", "2");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void down() {
        Berth.down("seed-walkthrough");
    }

    @Test
    @Order(0)
    void everyComponentExposesHealthInfoMetricsAndPrometheus() {
        List<String> components = List.of("http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:10259",
                "http://127.0.0.2:10250", "http://127.0.0.2:10256");
        for (String component : components) {
            assertThat(Http.get(component + "/actuator/health")).as(component).contains("\"status\":\"UP\"");
            assertThat(Http.get(component + "/actuator/info")).as(component).contains("\"build\"", "\"version\"");
            assertThat(Http.get(component + "/actuator/metrics")).as(component).contains("jvm.memory.used");
            assertThat(Http.get(component + "/actuator/prometheus")).as(component).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    @Order(1)
    void theSeedRedisPodRunsAndAnswersOnItsNodeAddress() throws IOException {
        Berth.ok("-c", ROOT.resolve("examples/seed-v1beta1/redis-pod.json").toString(), "create", "/pods");
        await().atMost(Duration.ofMinutes(2)).until(() -> Berth.ok("kubectl", "get", "pod", "redis", "-o",
                "jsonpath={.status.phase}").equals("Running"));
        String node = Berth.ok("kubectl", "get", "pod", "redis", "-o", "jsonpath={.status.hostIP}");
        assertThat(NODE_ADDRESSES).contains(node);
        assertThat(Berth.docker("ps", "--filter", "label=berth.pod.name=redis", "--format", "{{.Image}}"))
                .isEqualTo("dockerfile/redis\n");
        assertThat(Berth.ok("list", "/pods")).containsPattern("redis +1/1 +Running");
        assertThat(Berth.ok("get", "/pods/redis"))
                .contains("\"id\":\"redis\"", "\"status\":\"Running\"", "\"hostIP\":\"" + node + "\"");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> ping(node, 6379));
        assertThat(Berth.ok("describe", "pod", "redis")).contains("Status:", "Running", "dockerfile/redis",
                "Events:", "Started");
        assertThat(Berth.ok("logs", "redis")).contains("Ready to accept connections");

        Berth.ok("delete", "/pods/redis");
        await().atMost(Duration.ofMinutes(1)).until(() ->
                Berth.docker("ps", "-aq", "--filter", "label=berth.pod.name=redis").isBlank());
    }

    @Test
    @Order(2)
    void theControllerKeepsItsPodAndScalesOnePerNode() throws IOException {
        Berth.ok("-c", ROOT.resolve("examples/seed-v1beta1/redis-controller.json").toString(), "create",
                "/replicationControllers");
        assertThat(Berth.ok("list", "/replicationControllers")).contains("rediscontroller");
        await().atMost(Duration.ofMinutes(2)).until(() -> runningRedisPods().size() == 1);
        String first = runningRedisPods().iterator().next();

        Berth.ok("delete", "pod", first, "--wait=false");
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            Set<String> running = runningRedisPods();
            return running.size() == 1 && !running.contains(first);
        });

        Berth.ok("kubectl", "scale", "rc", "rediscontroller", "--replicas=3");
        await().atMost(Duration.ofMinutes(2)).until(() -> runningRedisPods().size() == 3);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(Berth.ok("describe", "rc", "rediscontroller"))
                .contains("3 current / 3 desired", "3 Running"));
        assertThat(Berth.ok("get", "rc")).containsPattern("rediscontroller +3 +3 +3");
        // Each replica asks for host port 6379, so no two can share a node.
        assertThat(Berth.ok("kubectl", "get", "pods", "-l", "name=redis", "-o", "jsonpath={.items[*].spec.nodeName}").split(" "))
                .containsExactlyInAnyOrder("node-1", "node-2", "node-3");
    }

    @Test
    @Order(3)
    void aServiceInFrontOfTheControllerAnswersThroughTheProxyOnEveryNode() {
        Berth.ok("expose", "rc", "rediscontroller", "--port=6380", "--target-port=6379", "--name=redis");
        for (String node : NODE_ADDRESSES) {
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> ping(node, 6380));
        }
    }

    @Test
    @Order(4)
    void theStatusPageShowsComponentsNodesPodsAndEventsInABrowser() throws Exception {
        String page = "https://127.0.0.1:8443/status";
        String anonymous = Chromium.renderedDom(page, 5000);
        assertThat(anonymous).containsPattern("<form id=\"login\">")
                .containsPattern("<tr data-component=\"scheduler\"><td>scheduler</td><td>leader</td><td class=\"ok\">");
        assertThat(Chromium.renderedDom(page + "#token=not-a-token", 5000))
                .contains("The token was refused: Unauthorized: a valid bearer token is required");

        String viewer = Files.readAllLines(STATE.resolve("tokens.csv")).stream()
                .filter(line -> line.contains(",viewer,")).findFirst().orElseThrow().split(",")[0];
        String dom = Chromium.renderedDom(page + "#token=" + viewer, 5000);
        for (String component : List.of("api-gateway", "controller-manager", "pod-service", "redis",
                "replication-service", "scheduler")) {
            assertThat(dom).containsPattern("<tr data-component=\"" + component + "\">(<td>[^<]*</td>){2}<td class=\"ok\">healthy");
        }
        for (int node = 1; node <= 3; node++) {
            assertThat(dom).contains("<tr data-node=\"node-" + node + "\"><td>node-" + node
                    + "</td><td class=\"ok\">Ready</td><td>127.0.0." + (node + 1) + "</td><td>1</td>");
        }
        assertThat(dom).contains("<tr data-node=\"hollow-1\"><td>hollow-1</td><td class=\"ok\">Ready</td>")
                .contains("<li id=\"phase-Running\"><span class=\"count\">3</span>Running</li>")
                .contains("<li id=\"phase-Pending\"><span class=\"count\">0</span>Pending</li>")
                .containsPattern("<td>pod/rediscontroller-[a-z0-9]+</td><td>Started</td><td>Started container redis</td>");
    }

    @Test
    @Order(5)
    void hollowNodesTakeOnlyPodsThatTolerateThemAndRunThemWithoutContainers(@TempDir Path dir) throws IOException {
        assertThat(Berth.ok("get", "nodes")).containsPattern("hollow-1 +Ready").containsPattern("hollow-2 +Ready");
        Path simulated = dir.resolve("simulated.yaml");
        Files.writeString(simulated, """
                apiVersion: v1
                kind: Pod
                metadata: {name: simulated}
                spec:
                  nodeSelector: {berth.dev/hollow: "true"}
                  tolerations: [{key: berth.dev/hollow, operator: Exists, effect: NoSchedule}]
                  containers: [{name: app, image: busybox:latest}]
                """);
        assertThat(Berth.ok("create", "-f", simulated.toString())).isEqualTo("pod/simulated created\n");
        await().atMost(Duration.ofMinutes(1)).until(() -> Berth.ok("get", "pods", "simulated", "-o", "wide")
                .matches("(?s).*simulated +1/1 +Running .* hollow-[12] .*"));
        assertThat(Berth.docker("ps", "-aq", "--filter", "label=berth.pod.name=simulated")).isBlank();
    }

    @Test
    @Order(6)
    void downLeavesNoProcessAndNoContainer() throws IOException {
        List<Long> pids;
        try (var files = Files.list(STATE.resolve("pids"))) {
            pids = files.map(f -> {
                try {
                    return Long.parseLong(Files.readString(f).trim());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        // Four control-plane processes, a node-agent and a proxy-agent per node, and the hollow nodes' process.
        assertThat(pids).hasSize(4 + 3 * 2 + 1);
        Berth.Result down = Berth.run(Duration.ofMinutes(3), "down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(pids).noneMatch(Berth::running));
        for (int node = 1; node <= 3; node++) {
            assertThat(Berth.docker("ps", "-aq", "--filter", "label=berth.node.name=node-" + node)).isBlank();
        }
    }

    private static Set<String> runningRedisPods() {
        String out = Berth.ok("kubectl", "get", "pods", "-l", "name=redis", "-o",
                "jsonpath={range .items[?(@.status.phase==\"Running\")]}{.metadata.name}{\" \"}{end}");
        return Arrays.stream(out.trim().split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Speaks just enough RESP to ask Redis for PONG. */
    private static boolean ping(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        }
    }
}
