package dev.berth.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docker-compose.local.yml as a user runs it (the offline base image, static discovery), on ports and a node
 * address of its own so that a {@code ./berth up} cluster on the defaults may run beside it: every service
 * healthy, the node Ready, a busybox pod Running with its logs through the real kubectl, then
 * {@code docker-compose down -v} leaving no container of the project and no pod container. The Consul file
 * can't run here (no Consul image, no registry): it must pass {@code docker-compose config} with Consul
 * discovery on for the API servers and the gateway, and its images must build on an explicit base.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeEndToEndTest {

    private static final String PROJECT = "berth-e2e-compose";
    private static final String NODE = "e2e-compose-node";
    private static final String BASE_IMAGE = "berth/java-runtime:17";
    private static final List<String> BERTH_SERVICES = List.of("pod-service", "replication-service", "api-gateway",
            "scheduling-service", "node-agent", "proxy-agent");
    private static final Duration BUILD = Duration.ofMinutes(5);

    @TempDir
    static Path state;

    private static Compose local;

    @BeforeAll
    static void up() {
        Map<String, String> env = Map.ofEntries(Map.entry("BERTH_GATEWAY_PORT", "9443"),
                Map.entry("BERTH_REDIS_PORT", "6579"), Map.entry("BERTH_POD_SERVICE_PORT", "9081"),
                Map.entry("BERTH_REPLICATION_SERVICE_PORT", "9082"), Map.entry("BERTH_SCHEDULER_PORT", "10359"),
                Map.entry("BERTH_NODE_ADDRESS", "127.0.0.9"), Map.entry("BERTH_NODE_AGENT_PORT", "10350"),
                Map.entry("BERTH_PROXY_AGENT_PORT", "10356"), Map.entry("BERTH_NODE_NAME", NODE),
                Map.entry("BERTH_STATE", state.toString()));
        local = new Compose(PROJECT, "docker-compose.local.yml", env);
        local.ok(BUILD, List.of("scripts/images/build-runtime-image.sh"));
        local.ok(BUILD, List.of("scripts/images/build-test-images.sh"));
        local.compose(BUILD, "build");
        local.compose(Duration.ofMinutes(6), "up", "-d");
        // up -d returns once the last services are started; their health checks pass later.
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(ComposeEndToEndTest::allHealthy);
    }

    @AfterAll
    static void cleanUp() {
        // Whatever a failed test left: the project, then the pods' containers, which belong to the engine.
        if (local != null) {
            local.run(Duration.ofMinutes(2), List.of("docker-compose", "-p", PROJECT, "-f", "docker-compose.local.yml",
                    "down", "-v", "--rmi", "local"));
            String pods = podContainers();
            if (!pods.isBlank()) {
                List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f"));
                rm.addAll(List.of(pods.split("\\s+")));
                local.run(Duration.ofMinutes(1), rm);
            }
        }
    }

    @Test
    @Order(1)
    void theKubeconfigReachesTheGatewayAndTheNodeIsReady() throws Exception {
        assertThat(Files.readString(state.resolve("kubeconfig"))).contains("server: https://127.0.0.1:9443");
        await().atMost(Duration.ofMinutes(1)).until(() -> kubectl("get", "node", NODE, "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}").equals("True"));
        assertThat(kubectl("get", "node", NODE, "-o", "jsonpath={.status.addresses[0].address}")).isEqualTo("127.0.0.9");
    }

    @Test
    @Order(2)
    void theStatusPageSeesEveryControlPlaneComponentHealthy() {
        // The leaders take their locks once their first lists through the gateway succeed.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(kubectl("get", "--raw", "/status/components"))
                .contains("{\"name\":\"pod-service\",\"where\":\"http://127.0.0.1:9081\",\"healthy\":true")
                .contains("{\"name\":\"replication-service\",\"where\":\"http://127.0.0.1:9082\",\"healthy\":true")
                .contains("{\"name\":\"redis\",\"where\":\"storage\",\"healthy\":true")
                .contains("{\"name\":\"scheduler\",\"where\":\"leader\",\"healthy\":true")
                .contains("{\"name\":\"controller-manager\",\"where\":\"leader\",\"healthy\":true"));
        assertThat(kubectl("get", "--raw", "/status")).contains("<title>Berth status</title>");
    }

    @Test
    @Order(3)
    void aBusyboxPodRunsOnTheNodeAndItsLogsComeBack() {
        kubectl("run", "hello", "--image=busybox:latest", "--image-pull-policy=Never", "--", "sh", "-c",
                "echo hi from compose; exec sleep 3600");
        await().atMost(Duration.ofMinutes(2)).until(() -> kubectl("get", "pod", "hello", "-o",
                "jsonpath={.status.phase}").equals("Running"));
        assertThat(kubectl("get", "pod", "hello", "-o", "jsonpath={.spec.nodeName}")).isEqualTo(NODE);
        await().atMost(Duration.ofSeconds(30)).until(() -> kubectl("logs", "hello").contains("hi from compose"));
        assertThat(podContainers()).isNotBlank();

        // sleep ignores SIGTERM as PID 1: a short grace period instead of the default 30 s.
        kubectl("delete", "pod", "hello", "--grace-period=1");
        await().atMost(Duration.ofMinutes(1)).until(() -> podContainers().isBlank());
    }

    @Test
    @Order(4)
    void downLeavesNoContainerNorVolumeBehind() {
        local.compose(Duration.ofMinutes(2), "down", "-v", "--rmi", "local");
        assertThat(docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT)).isBlank();
        assertThat(podContainers()).isBlank();
        assertThat(docker("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT)).isBlank();
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void theConsulFileIsValidAndBuildsOnAnExplicitBase() {
        Compose consul = new Compose(PROJECT + "-consul", "docker-compose.yml", Map.of("BERTH_BASE_IMAGE", BASE_IMAGE));
        Map<String, Map<String, Object>> services = services(consul);
        assertThat(services).containsKeys("consul", "redis", "credentials").containsKeys(BERTH_SERVICES.toArray(String[]::new));
        for (String server : List.of("pod-service", "replication-service", "api-gateway")) {
            Map<String, Object> service = services.get(server);
            assertThat((Map<String, Object>) service.get("environment")).as(server)
                    .containsEntry("SPRING_CLOUD_CONSUL_ENABLED", "true")
                    .containsEntry("SPRING_CLOUD_CONSUL_HOST", "127.0.0.1")
                    .containsEntry("SPRING_CLOUD_CONSUL_PORT", "8500");
            assertThat((Map<String, Object>) service.get("depends_on")).as(server)
                    .containsEntry("consul", Map.of("condition", "service_healthy"))
                    .containsEntry("credentials", Map.of("condition", "service_completed_successfully"));
        }
        Map<String, Map<String, Object>> online = services(new Compose(PROJECT + "-consul", "docker-compose.yml", Map.of()));
        for (String name : BERTH_SERVICES) {
            assertThat(services.get(name)).as(name).containsEntry("network_mode", "host").containsKey("healthcheck");
            assertThat(services.get(name).get("build")).as(name).isEqualTo(Map.of("context",
                    Compose.ROOT.resolve(name).toString(), "args", Map.of("BASE_IMAGE", BASE_IMAGE)));
            assertThat(((Map<String, Object>) online.get(name).get("build")).get("args")).as(name)
                    .isEqualTo(Map.of("BASE_IMAGE", "eclipse-temurin:17-jre"));
        }

        try {
            consul.compose(BUILD, "build");
            for (String name : BERTH_SERVICES) {
                assertThat(docker("image", "inspect", "--format", "{{json .Config.Env}}", PROJECT + "-consul_" + name))
                        .as(name).contains("PATH=/opt/java/bin:/bin", "JAVA_OPTS=");
            }
        } finally {
            consul.run(Duration.ofMinutes(1), List.of("docker-compose", "-p", PROJECT + "-consul", "-f",
                    "docker-compose.yml", "down", "--rmi", "local"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Compose compose) {
        Map<String, Object> config = new Yaml().load(compose.compose(Duration.ofMinutes(1), "config"));
        return (Map<String, Map<String, Object>>) config.get("services");
    }

    private static boolean allHealthy() {
        String ids = local.compose(Duration.ofSeconds(30), "ps", "-q");
        List<String> inspect = new ArrayList<>(List.of("docker", "inspect", "--format",
                "{{index .Config.Labels \"com.docker.compose.service\"}} {{.State.Status}} {{.State.ExitCode}} "
                        + "{{if .State.Health}}{{.State.Health.Status}}{{end}}"));
        inspect.addAll(List.of(ids.trim().split("\\s+")));
        Map<String, String> states = new HashMap<>();
        for (String line : local.ok(Duration.ofSeconds(30), inspect).strip().split("\n")) {
            String[] fields = line.split(" ", 2);
            states.put(fields[0], fields[1].strip());
        }
        states.forEach((service, status) -> {
            if (status.startsWith("exited") && !status.equals("exited 0") || status.endsWith("unhealthy")) {
                throw new IllegalStateException(service + " is " + status + ":\n"
                        + local.compose(Duration.ofSeconds(30), "logs", "--tail=40", service));
            }
        });
        return states.get("credentials").equals("exited 0")
                && BERTH_SERVICES.stream().allMatch(s -> states.getOrDefault(s, "").endsWith(" healthy"))
                && states.getOrDefault("redis", "").endsWith(" healthy");
    }

    private static String kubectl(String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", state.resolve("kubeconfig").toString()));
        command.addAll(List.of(args));
        return local.ok(Duration.ofSeconds(60), command);
    }

    private static String podContainers() {
        return docker("ps", "-aq", "--filter", "label=berth.node.name=" + NODE);
    }

    private static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return local.ok(Duration.ofSeconds(60), command).strip();
    }
}
