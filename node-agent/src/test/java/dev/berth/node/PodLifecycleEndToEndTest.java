package dev.berth.node;

import dev.berth.node.runtime.Labels;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a pod's spec asks of its node, on the real engine: several containers with env, command, working
 * directory and service links; published ports; restart policies; liveness and readiness probes; graceful
 * termination; and the events {@code kubectl describe} shows.
 */
class PodLifecycleEndToEndTest {

    private static AgentCluster cluster;
    private static KubernetesClient client;
    private static ConfigurableApplicationContext agent;

    @BeforeAll
    static void startCluster() {
        cluster = new AgentCluster();
        client = cluster.client;
        // Created before the agent starts, so the first containers already see it.
        client.services().resource(new ServiceBuilder().withNewMetadata().withName("lc-backend").endMetadata()
                .withNewSpec().withSelector(Map.of("app", "lc-backend")).addNewPort().withPort(6380)
                .withTargetPort(new IntOrString(6379)).endPort().endSpec().build()).create();
        agent = cluster.startAgent();
    }

    @AfterAll
    static void stopCluster() {
        if (agent != null) {
            agent.close();
        }
        cluster.close();
    }

    private static ContainerBuilder busybox(String name, String script) {
        return new ContainerBuilder().withName(name).withImage("busybox:latest").withImagePullPolicy("Never")
                .withCommand("sh", "-c", script);
    }

    private static Pod create(String name, String restartPolicy, long grace, ContainerBuilder... containers) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withNodeName(cluster.node).withRestartPolicy(restartPolicy).withTerminationGracePeriodSeconds(grace)
                .withContainers(java.util.Arrays.stream(containers).map(ContainerBuilder::build).toList())
                .endSpec().build();
        return client.pods().resource(pod).create();
    }

    private static Pod get(String name) {
        return client.pods().withName(name).get();
    }

    private static ContainerStatus status(String pod, String container) {
        return get(pod).getStatus().getContainerStatuses().stream()
                .filter(s -> s.getName().equals(container)).findFirst().orElseThrow();
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    @Test
    void aTwoContainerPodRunsWithItsEnvCommandWorkingDirServiceLinksAndPublishedPort() throws Exception {
        create("lc-two", "Always", 1,
                busybox("web", "echo -n \"$GREETING\" > index.html && exec httpd -f -p 8080 -h .")
                        .withWorkingDir("/tmp").addNewEnv().withName("GREETING").withValue("hi from web").endEnv()
                        .addNewPort().withContainerPort(8080).endPort(),
                busybox("side", "echo \"backend at $LC_BACKEND_SERVICE_HOST:$LC_BACKEND_SERVICE_PORT in $(pwd)\""
                        + " && exec sleep 600").withWorkingDir("/bin"));

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Pod pod = get("lc-two");
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(ready(pod)).isTrue();
            assertThat(pod.getStatus().getContainerStatuses()).hasSize(2).allMatch(ContainerStatus::getReady);
            assertThat(pod.getMetadata().getAnnotations()).containsKey("berth.dev/published-ports");
        });
        Map<?, ?> published = Serialization.unmarshal(
                get("lc-two").getMetadata().getAnnotations().get("berth.dev/published-ports"), Map.class);
        int port = ((Number) published.get("8080/TCP")).intValue();
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> httpGet(port).endsWith("hi from web"));
        assertThat(client.pods().withName("lc-two").inContainer("side").getLog())
                .matches("backend at \\d+\\.\\d+\\.\\d+\\.\\d+:6380 in /bin\\n");
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventReasons("lc-two"))
                .contains("Pulled", "Created", "Started"));
        client.pods().withName("lc-two").withGracePeriod(0).delete();
    }

    @Test
    void restartPolicyNeverAndOnFailureAreRespected() {
        create("lc-never", "Never", 1, busybox("main", "exit 3"));
        create("lc-onfailure-ok", "OnFailure", 1, busybox("main", "exit 0"));
        create("lc-onfailure-bad", "OnFailure", 1, busybox("main", "exit 1"));

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("lc-never").getStatus().getPhase()).isEqualTo("Failed");
            assertThat(status("lc-never", "main").getState().getTerminated().getExitCode()).isEqualTo(3);
            assertThat(get("lc-onfailure-ok").getStatus().getPhase()).isEqualTo("Succeeded");
            assertThat(status("lc-onfailure-bad", "main").getRestartCount()).isGreaterThanOrEqualTo(1);
        });
        assertThat(status("lc-never", "main").getRestartCount()).isZero();
        assertThat(status("lc-onfailure-ok", "main").getRestartCount()).isZero();
        String uid = get("lc-never").getMetadata().getUid();
        assertThat(AgentCluster.DOCKER.list(Map.of(Labels.POD_UID, uid))).hasSize(1);
        List.of("lc-never", "lc-onfailure-ok", "lc-onfailure-bad")
                .forEach(name -> client.pods().withName(name).withGracePeriod(0).delete());
    }

    @Test
    void aContainerFailingItsLivenessProbeIsRestarted() {
        create("lc-liveness", "Always", 1, busybox("main", "touch /tmp/healthy && sleep 2 && rm /tmp/healthy"
                + " && exec sleep 600").withLivenessProbe(new ProbeBuilder().withNewExec()
                .withCommand("cat", "/tmp/healthy").endExec().withPeriodSeconds(1).withFailureThreshold(2).build()));

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(status("lc-liveness", "main").getRestartCount()).isGreaterThanOrEqualTo(1));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventReasons("lc-liveness"))
                .contains("Unhealthy", "Killing"));
        client.pods().withName("lc-liveness").withGracePeriod(0).delete();
    }

    @Test
    void aReadinessProbeGatesTheReadyCondition() {
        create("lc-readiness", "Always", 1, busybox("main", "mkdir -p /www && exec httpd -f -p 8080 -h /www")
                .addNewPort().withContainerPort(8080).endPort()
                .withReadinessProbe(new ProbeBuilder().withNewHttpGet().withPath("/ready")
                        .withPort(new IntOrString(8080)).endHttpGet().withPeriodSeconds(1).withFailureThreshold(1)
                        .build()));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Pod pod = get("lc-readiness");
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(ready(pod)).isFalse();
            assertThat(status("lc-readiness", "main").getReady()).isFalse();
        });

        String container = status("lc-readiness", "main").getContainerID().substring("docker://".length());
        assertThat(AgentCluster.DOCKER.exec(container, List.of("sh", "-c", "echo ok > /www/ready"),
                Duration.ofSeconds(10))).isZero();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> ready(get("lc-readiness")));

        AgentCluster.DOCKER.exec(container, List.of("rm", "/www/ready"), Duration.ofSeconds(10));
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> !ready(get("lc-readiness")));
        client.pods().withName("lc-readiness").withGracePeriod(0).delete();
    }

    @Test
    void deletionSendsSigtermAndKillsOnlyAfterTheGracePeriod() {
        create("lc-polite", "Always", 30, busybox("main", "trap 'exit 0' TERM; while true; do sleep 0.2; done"));
        create("lc-stubborn", "Always", 3, busybox("main", "trap '' TERM; while true; do sleep 0.2; done"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> "Running".equals(get("lc-polite").getStatus().getPhase())
                && "Running".equals(get("lc-stubborn").getStatus().getPhase()));

        long politeStart = System.nanoTime();
        client.pods().withName("lc-polite").delete();
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> get("lc-polite") == null);
        Duration polite = Duration.ofNanos(System.nanoTime() - politeStart);
        // A container that exits on SIGTERM goes at once, far inside its 30 s grace period.
        assertThat(polite).isLessThan(Duration.ofSeconds(15));

        long stubbornStart = System.nanoTime();
        client.pods().withName("lc-stubborn").delete();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> get("lc-stubborn") == null);
        // One that ignores SIGTERM is killed once its 3 s grace period is over, not before.
        assertThat(Duration.ofNanos(System.nanoTime() - stubbornStart)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    /**
     * Pod workers run in parallel: 30 pods that ignore SIGTERM, deleted together, are all gone within their grace
     * period plus 10 s (one stop after another took 30 × grace), and a pod created meanwhile starts as usual.
     */
    @Test
    void podsStopInParallelAndANewPodStartsWhileOthersWaitOutTheirGracePeriod() {
        long grace = 10;
        List<String> names = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "lc-slow-" + i).toList();
        names.forEach(name -> create(name, "Always", grace, busybox("main", "trap '' TERM; while true; do sleep 1; done")));
        await().ignoreExceptions().atMost(Duration.ofSeconds(120)).until(() -> names.stream()
                .allMatch(name -> "Running".equals(get(name).getStatus().getPhase())));
        List<String> uids = names.stream().map(name -> get(name).getMetadata().getUid()).toList();

        long deleted = System.nanoTime();
        names.forEach(name -> client.pods().withName(name).delete());
        create("lc-newcomer", "Always", 1, busybox("main", "sleep 3600"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(15))
                .until(() -> "Running".equals(get("lc-newcomer").getStatus().getPhase()));
        Duration newcomerRunning = Duration.ofNanos(System.nanoTime() - deleted);
        await().atMost(Duration.ofSeconds(grace + 10)).pollInterval(Duration.ofMillis(250))
                .until(() -> names.stream().allMatch(name -> get(name) == null));
        Duration allGone = Duration.ofNanos(System.nanoTime() - deleted);

        assertThat(uids).allSatisfy(uid -> assertThat(AgentCluster.DOCKER.list(Map.of(Labels.POD_UID, uid))).isEmpty());
        // Killed only once the grace period was over, and then all at about the same time.
        assertThat(allGone).isBetween(Duration.ofSeconds(grace), Duration.ofSeconds(grace + 10));
        assertThat(newcomerRunning).isLessThan(Duration.ofSeconds(15));
        System.out.printf("30 pods ignoring SIGTERM (grace %d s) gone after %.1f s; a new pod Running after %.1f s%n",
                grace, allGone.toMillis() / 1e3, newcomerRunning.toMillis() / 1e3);
        client.pods().withName("lc-newcomer").withGracePeriod(0).delete();
    }

    private static List<String> eventReasons(String pod) {
        return client.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> pod.equals(e.getInvolvedObject().getName())).map(Event::getReason).toList();
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
