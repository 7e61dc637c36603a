package dev.berth.scheduler;

import dev.berth.api.leader.Leadership;
import dev.berth.api.testing.PodServiceProcess;
import dev.berth.api.testing.RedisServer;
import dev.berth.scheduler.framework.Fixtures;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Redis, the real pod-service and the scheduler in this JVM, driven through fabric8. Nodes are Node
 * objects with a Ready condition and no agent, as hollow nodes are. Each test has its own namespace and nodes
 * and removes both.
 */
class SchedulerEndToEndTest {

    private static final String ROLE = "scheduler-" + UUID.randomUUID();
    private static PodServiceProcess podService;
    private static ConfigurableApplicationContext scheduler;
    private static KubernetesClient client;
    private final List<String> nodes = new ArrayList<>();
    private String namespace;

    @BeforeAll
    static void startCluster() {
        podService = new PodServiceProcess(RedisServer.shared(), RedisServer.newPrefix(), "");
        podService.start();
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(podService.url()).build())
                .build();
        scheduler = startScheduler(ROLE, "default-scheduler");
    }

    static ConfigurableApplicationContext startScheduler(String role, String schedulerName) {
        return startScheduler(role, schedulerName, podService.url());
    }

    static ConfigurableApplicationContext startScheduler(String role, String schedulerName, String apiServer) {
        RedisServer redis = RedisServer.shared();
        return new SpringApplicationBuilder(SchedulingServiceApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--berth.scheduler.api-server=" + apiServer,
                "--berth.scheduler.scheduler-name=" + schedulerName,
                "--berth.scheduler.initial-backoff=200ms", "--berth.scheduler.max-backoff=1s",
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--berth.leader.role=" + role, "--berth.leader.lease=3s", "--berth.leader.renewal=300ms",
                "--logging.level.root=WARN");
    }

    @AfterAll
    static void stopCluster() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (client != null) {
            client.close();
        }
        podService.stop();
    }

    @BeforeEach
    void createNamespace(TestInfo test) {
        namespace = "t-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(namespace).endMetadata().build()).create();
    }

    @AfterEach
    void removeEverything() {
        client.pods().inNamespace(namespace).withGracePeriod(0).delete();
        nodes.forEach(n -> client.nodes().withName(n).delete());
    }

    private String addNode(String cpu, String memory, int pods) {
        String name = namespace + "-node-" + nodes.size();
        Node node = Fixtures.node(name, cpu, memory, pods).build();
        client.nodes().resource(new NodeBuilder(node).withStatus(null).build()).create();
        client.nodes().withName(name).editStatus(n -> new NodeBuilder(n).withStatus(node.getStatus()).build());
        nodes.add(name);
        return name;
    }

    private Pod create(PodBuilder pod) {
        return client.pods().inNamespace(namespace).resource(pod.editMetadata().withNamespace(namespace).withUid(null)
                .endMetadata().build()).create();
    }

    private List<Pod> pods() {
        return client.pods().inNamespace(namespace).list().getItems();
    }

    private static boolean bound(Pod pod) {
        return pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }

    private static PodCondition scheduledCondition(Pod pod) {
        return pod.getStatus().getConditions().stream().filter(c -> c.getType().equals("PodScheduled")).findFirst()
                .orElse(null);
    }

    private static PodBuilder withHostPort(PodBuilder pod, int port) {
        return pod.editSpec().editFirstContainer().addNewPort().withContainerPort(80).withHostPort(port).endPort()
                .endContainer().endSpec();
    }

    @Test
    void aBurstOf200PodsOnThreeSmallNodesNeverOvercommitsThem() {
        for (int i = 0; i < 3; i++) {
            addNode("2", "4Gi", 110);
        }
        IntStream.range(0, 200).parallel().forEach(i -> create(Fixtures.pod("burst-" + i, "100m", "64Mi")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Pod> pods = pods();
            assertThat(pods.stream().filter(SchedulerEndToEndTest::bound)).hasSize(60);
            assertThat(pods.stream().filter(p -> !bound(p)).map(SchedulerEndToEndTest::scheduledCondition))
                    .hasSize(140).allSatisfy(c -> {
                        assertThat(c).isNotNull();
                        assertThat(c.getReason()).isEqualTo("Unschedulable");
                        assertThat(c.getMessage()).isEqualTo("0/3 nodes are available: 3 Insufficient cpu.");
                    });
        });
        Map<String, Long> perNode = pods().stream().filter(SchedulerEndToEndTest::bound)
                .collect(Collectors.groupingBy(p -> p.getSpec().getNodeName(), Collectors.counting()));
        assertThat(perNode).hasSize(3).allSatisfy((node, count) -> assertThat(count).isEqualTo(20));
    }

    @Test
    void podsWithTheSameHostPortAreNeverOnTheSameNode() {
        for (int i = 0; i < 3; i++) {
            addNode("4", "8Gi", 110);
        }
        for (int i = 0; i < 4; i++) {
            create(withHostPort(Fixtures.pod("web-" + i, null, null), 8080));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Pod> pods = pods();
            assertThat(pods.stream().filter(SchedulerEndToEndTest::bound).map(p -> p.getSpec().getNodeName()))
                    .hasSize(3).doesNotHaveDuplicates();
            assertThat(pods.stream().filter(p -> !bound(p)).map(SchedulerEndToEndTest::scheduledCondition))
                    .singleElement().satisfies(c -> {
                        assertThat(c).isNotNull();
                        assertThat(c.getMessage()).isEqualTo(
                                "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports.");
                    });
        });
    }

    @Test
    void aReplicationControllersSixReplicasSpreadTwoTwoTwo() {
        for (int i = 0; i < 3; i++) {
            addNode("4", "8Gi", 110);
        }
        // A busier node must not attract the replicas: spreading outweighs least-allocated.
        create(Fixtures.pod("other", "100m", "64Mi"));
        for (int i = 0; i < 6; i++) {
            create(Fixtures.pod("rc-" + i, "100m", "64Mi").editMetadata().addToOwnerReferences(
                    new OwnerReferenceBuilder().withApiVersion("v1").withKind("ReplicationController")
                            .withName("rc").withUid("rc-uid-" + namespace).withController(true).build()).endMetadata());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> perNode = pods().stream().filter(p -> p.getMetadata().getName().startsWith("rc-"))
                    .filter(SchedulerEndToEndTest::bound)
                    .collect(Collectors.groupingBy(p -> p.getSpec().getNodeName(), Collectors.counting()));
            assertThat(perNode.values()).containsExactly(2L, 2L, 2L);
        });
    }

    @Test
    void anUnschedulablePodIsToldWhyAndScheduledOnceANodeFits() throws Exception {
        for (int i = 0; i < 3; i++) {
            addNode("2", "4Gi", 110);
        }
        create(Fixtures.pod("big", "3", "1Gi"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Pod pod = client.pods().inNamespace(namespace).withName("big").get();
            PodCondition condition = scheduledCondition(pod);
            assertThat(condition).isNotNull();
            assertThat(condition.getStatus()).isEqualTo("False");
            assertThat(condition.getReason()).isEqualTo("Unschedulable");
            assertThat(condition.getMessage()).isEqualTo("0/3 nodes are available: 3 Insufficient cpu.");
            assertThat(client.v1().events().inNamespace(namespace).list().getItems()).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo("FailedScheduling");
                assertThat(e.getInvolvedObject().getName()).isEqualTo("big");
            });
        });

        String roomy = addNode("4", "8Gi", 110);
        // Well before the 60 s unschedulable retry: the new node alone triggers it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Pod pod = client.pods().inNamespace(namespace).withName("big").get();
            assertThat(pod.getSpec().getNodeName()).isEqualTo(roomy);
            assertThat(scheduledCondition(pod).getStatus()).isEqualTo("True");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(client.v1().events().inNamespace(namespace).list().getItems()).anySatisfy(e -> {
                    assertThat(e.getReason()).isEqualTo("Scheduled");
                    assertThat(e.getMessage()).isEqualTo("Successfully assigned " + namespace + "/big to " + roomy);
                }));
        assertThat(prometheus()).contains("berth_scheduler_attempts_total{result=\"unschedulable\"}",
                "berth_scheduler_attempts_total{result=\"scheduled\"}", "berth_scheduler_e2e_scheduling_seconds_bucket",
                "berth_scheduler_pending_pods{queue=\"unschedulable\"}");
    }

    private static String prometheus() throws Exception {
        String port = scheduler.getEnvironment().getProperty("local.server.port");
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theStandbyNeverBindsAndTakesOverWhenTheLeaderStops() {
        failover(ConfigurableApplicationContext::close);
    }

    /** A leader cut off from Redis cannot release its lock: the standby waits for the lease to run out. */
    @Test
    void theStandbyTakesOverWhenTheLeaderLosesRedis() {
        failover(leader -> leader.getBean(JedisConnectionFactory.class).stop());
    }

    private void failover(Consumer<ConfigurableApplicationContext> loseLeader) {
        // A second pair of schedulers under another name, so the shared one leaves these pods alone.
        String role = "failover-" + UUID.randomUUID();
        addNode("4", "8Gi", 110);
        ConfigurableApplicationContext first = startScheduler(role, "failover-scheduler");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.getBean(Leadership.class).isLeader());
        ConfigurableApplicationContext second = startScheduler(role, "failover-scheduler");
        try {
            Function<String, PodBuilder> pod = name -> Fixtures.pod(name, "10m", "1Mi").editSpec()
                    .withSchedulerName("failover-scheduler").endSpec();
            for (int i = 0; i < 5; i++) {
                create(pod.apply("before-" + i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> pods().stream().filter(SchedulerEndToEndTest::bound).count() == 5);
            assertThat(second.getBean(Leadership.class).isLeader()).isFalse();
            assertThat(scheduled(second)).isZero();
            assertThat(scheduled(first)).isEqualTo(5);

            long lost = System.nanoTime();
            loseLeader.accept(first);
            await().atMost(Duration.ofSeconds(15)).until(() -> second.getBean(Leadership.class).isLeader());
            assertThat(first.isActive() && first.getBean(Leadership.class).isLeader()).isFalse();
            create(pod.apply("after"));
            await().atMost(Duration.ofSeconds(15)).until(() -> bound(client.pods().inNamespace(namespace).withName("after").get()));
            assertThat(Duration.ofNanos(System.nanoTime() - lost)).isLessThan(Duration.ofSeconds(15));
            assertThat(scheduled(second)).isEqualTo(1);
        } finally {
            first.close();
            second.close();
        }
    }

    /** The informers' first list fails while the API is down; the scheduler must keep trying, not stall. */
    @Test
    void aSchedulerStartedBeforeTheApiSchedulesOnceTheApiAnswers() {
        PodServiceProcess late = new PodServiceProcess(RedisServer.shared(), RedisServer.newPrefix(), "");
        ConfigurableApplicationContext early = startScheduler("early-" + UUID.randomUUID(), "default-scheduler", late.url());
        try (KubernetesClient lateClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl(late.url()).build()).build()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> early.getBean(Leadership.class).isLeader());
            late.start();
            Node node = Fixtures.readyNode("late-node");
            lateClient.nodes().resource(new NodeBuilder(node).withStatus(null).build()).create();
            lateClient.nodes().withName("late-node").editStatus(n -> new NodeBuilder(n).withStatus(node.getStatus()).build());
            lateClient.pods().inNamespace("default").resource(Fixtures.pod("late", null, null).editMetadata()
                    .withUid(null).endMetadata().build()).create();
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "late-node".equals(lateClient.pods().inNamespace("default").withName("late").get().getSpec().getNodeName()));
        } finally {
            early.close();
            late.stop();
        }
    }

    private static double scheduled(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).get("berth.scheduler.attempts").tag("result", "scheduled")
                .counter().count();
    }
}
