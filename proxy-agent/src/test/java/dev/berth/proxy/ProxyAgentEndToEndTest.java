package dev.berth.proxy;

import dev.berth.api.testing.PodServiceProcess;
import dev.berth.api.testing.RedisServer;
import dev.berth.proxy.DockerPods.Pod;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static dev.berth.proxy.ServiceFixtures.endpoints;
import static dev.berth.proxy.ServiceFixtures.freePort;
import static dev.berth.proxy.ServiceFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A real pod-service, a proxy-agent in this JVM listening on {@link #NODE}, and busybox httpd / Redis
 * containers on the Docker engine standing in for pods (published on {@link DockerPods#ADDRESS}). The tests
 * write Endpoints themselves, as the endpoints controller would.
 */
class ProxyAgentEndToEndTest {

    static final String NODE = "127.0.0.50";
    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    private static PodServiceProcess podService;
    private static ConfigurableApplicationContext agent;
    private static KubernetesClient client;
    private static final DockerPods pods = new DockerPods();

    @BeforeAll
    static void startCluster() {
        podService = new PodServiceProcess(RedisServer.shared(), RedisServer.newPrefix(), "");
        podService.start();
        agent = startAgent();
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(podService.url())
                .withNamespace("default").build()).build();
    }

    private static ConfigurableApplicationContext startAgent() {
        return new SpringApplicationBuilder(ProxyAgentApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--berth.proxy.node-address=" + NODE,
                "--berth.proxy.pod-address=" + DockerPods.bridgeGateway(), "--berth.proxy.api-server=" + podService.url(), "--berth.proxy.resync-interval=2s",
                "--berth.proxy.connect-timeout=1s", "--logging.level.root=WARN");
    }

    @AfterAll
    static void stopCluster() {
        if (agent != null) {
            agent.close();
        }
        pods.close();
        if (client != null) {
            client.close();
        }
        podService.stop();
    }

    @Test
    void aServiceOverThreeHttpdPodsAnswersOnItsPortAndNodePortAndSpreadsRequests() throws IOException {
        List<Pod> web = List.of(pods.httpd("web-a"), pods.httpd("web-b"), pods.httpd("web-c"));
        int port = freePort();
        Service service = client.services().resource(service("web", port, "NodePort")).create();
        int nodePort = service.getSpec().getPorts().get(0).getNodePort();
        client.endpoints().resource(endpoints("web", web)).create();

        awaitAnswer(port);
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            answers.merge(Clients.httpGet(NODE, port), 1, Integer::sum);
        }
        assertThat(answers).containsOnly(Map.entry("web-a", 10), Map.entry("web-b", 10), Map.entry("web-c", 10));
        assertThat(Clients.httpGet(NODE, nodePort)).isIn("web-a", "web-b", "web-c");
    }

    @Test
    void aContainerReachesTheServiceThroughTheBridgeGateway() {
        Pod web = pods.httpd("bridge-web");
        int port = freePort();
        client.services().resource(service("bridge", port, "ClusterIP")).create();
        client.endpoints().resource(endpoints("bridge", List.of(web))).create();
        awaitAnswer(port);

        String url = "http://" + DockerPods.bridgeGateway() + ":" + port + "/index.html";
        assertThat(pods.runOnce("wget", "-q", "-O", "-", url)).isEqualTo("bridge-web");
    }

    @Test
    void aDeletedPodGetsNoMoreTrafficAndNoRequestFails() throws IOException {
        List<Pod> up = List.of(pods.httpd("del-a"), pods.httpd("del-b"), pods.httpd("del-c"));
        int port = freePort();
        client.services().resource(service("del", port, "ClusterIP")).create();
        client.endpoints().resource(endpoints("del", up)).create();
        awaitAnswer(port);

        // The endpoints controller drops the pod first; its container goes away afterwards.
        setEndpoints("del", up.subList(0, 2));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(spread(port, 6)).doesNotContain("del-c"));
        pods.remove(up.get(2));
        assertThat(spread(port, 30)).containsOnly("del-a", "del-b");
    }

    @Test
    void anEndpointThatRefusesIsSkippedForTheNext() throws IOException {
        Pod dead = pods.httpd("refuse-dead");
        Pod alive = pods.httpd("refuse-alive");
        pods.remove(dead);
        int port = freePort();
        client.services().resource(service("refuse", port, "ClusterIP")).create();
        client.endpoints().resource(endpoints("refuse", List.of(dead, alive))).create();
        awaitAnswer(port);

        assertThat(spread(port, 10)).containsOnly("refuse-alive");
        assertThat(meter("berth.proxy.connect.failures", "refuse")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void clientIpAffinityKeepsEachClientOnOnePod() {
        List<Pod> sticky = List.of(pods.httpd("sticky-a"), pods.httpd("sticky-b"), pods.httpd("sticky-c"));
        int port = freePort();
        Service service = service("sticky", port, "ClusterIP");
        service.getSpec().setSessionAffinity("ClientIP");
        client.services().resource(service).create();
        client.endpoints().resource(endpoints("sticky", sticky)).create();
        awaitAnswer(port);

        Set<String> chosen = new HashSet<>();
        for (String from : List.of("127.0.0.52", "127.0.0.53", "127.0.0.54")) {
            Set<String> answers = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                answers.add(get(port, from));
            }
            assertThat(answers).as("pods that answered %s", from).hasSize(1);
            chosen.addAll(answers);
        }
        // Round robin still places new clients: three clients, three pods.
        assertThat(chosen).hasSize(3);
    }

    @Test
    void aServiceWithoutEndpointsClosesConnectionsPromptlyAndCountsThem() throws IOException {
        int port = freePort();
        client.services().resource(service("empty", port, "ClusterIP")).create();
        await().atMost(PROPAGATION).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket(NODE, port)) {
                socket.setSoTimeout(1000);
                return socket.getInputStream().read() == -1;
            }
        });
        assertThat(meter("berth.proxy.no.endpoints", "empty")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDeletedServiceStopsListeningWhileOtherServicesKeepTheirConnections() throws IOException {
        Pod redis = pods.redis("keep-redis");
        int redisPort = freePort();
        client.services().resource(service("keep", redisPort, "ClusterIP")).create();
        client.endpoints().resource(endpoints("keep", List.of(redis))).create();
        Pod web = pods.httpd("gone-web");
        int port = freePort();
        client.services().resource(service("gone", port, "ClusterIP")).create();
        client.endpoints().resource(endpoints("gone", List.of(web))).create();
        awaitAnswer(port);

        try (Socket held = new Socket()) {
            await().atMost(PROPAGATION).ignoreExceptions().until(() -> {
                held.connect(new InetSocketAddress(NODE, redisPort), 1000);
                return true;
            });
            held.setSoTimeout(5000);
            assertThat(Clients.redis(held, "PING")).isEqualTo("+PONG");

            client.services().withName("gone").delete();
            await().atMost(PROPAGATION).untilAsserted(() ->
                    assertThatThrownBy(() -> Clients.httpGet(NODE, port)).isInstanceOf(ConnectException.class));
            assertThat(Clients.redis(held, "PING")).isEqualTo("+PONG");
            assertThat(meter("berth.proxy.connections.active", "keep")).isEqualTo(1);
        }
    }

    @Test
    void aRestartedProxyServesAgain() throws IOException {
        Pod web = pods.httpd("restart-web");
        int port = freePort();
        client.services().resource(service("restart", port, "ClusterIP")).create();
        client.endpoints().resource(endpoints("restart", List.of(web))).create();
        awaitAnswer(port);

        agent.close();
        assertThatThrownBy(() -> Clients.httpGet(NODE, port)).isInstanceOf(ConnectException.class);
        agent = startAgent();
        awaitAnswer(port);
        assertThat(Clients.httpGet(NODE, port)).isEqualTo("restart-web");
    }

    @Test
    void udpDatagramsReachTheEndpointAndRepliesComeBack() throws IOException {
        try (DatagramSocket echo = new DatagramSocket(new InetSocketAddress(DockerPods.ADDRESS, 0));
             DatagramSocket caller = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Thread echoer = new Thread(() -> echo(echo), "udp-echo");
            echoer.setDaemon(true);
            echoer.start();
            int port = freePort();
            Service service = service("udp", port, "ClusterIP");
            service.getSpec().getPorts().get(0).setProtocol("UDP");
            client.services().resource(service).create();
            client.endpoints().resource(new EndpointsBuilder().withNewMetadata().withName("udp").endMetadata()
                    .addNewSubset().addNewAddress().withIp(DockerPods.ADDRESS).endAddress().addNewPort()
                    .withName("http").withProtocol("UDP").withPort(echo.getLocalPort()).endPort().endSubset()
                    .build()).create();
            caller.setSoTimeout(500);
            byte[] buffer = new byte[64];
            await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> {
                caller.send(new DatagramPacket("ping".getBytes(StandardCharsets.US_ASCII), 4,
                        new InetSocketAddress(NODE, port)));
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                caller.receive(reply);
                assertThat(new String(buffer, 0, reply.getLength(), StandardCharsets.US_ASCII)).isEqualTo("echo ping");
            });
            echo.close();
            echoer.interrupt();
        }
    }

    @Test
    void healthAndPrometheusShowTheProxy() throws IOException, InterruptedException {
        Pod web = pods.httpd("metrics-web");
        int port = freePort();
        client.services().resource(service("metrics", port, "ClusterIP")).create();
        client.endpoints().resource(endpoints("metrics", List.of(web))).create();
        awaitAnswer(port);

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + agent.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"proxy\":\\{\"details\":\\{[^}]*\"unbindable\":\\[]},\"status\":\"UP\"");
        String prometheus = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(prometheus).contains("berth_proxy_bytes_total{direction=\"to-client\",namespace=\"default\",port=\"http\",service=\"metrics\"}");
        assertThat(meter("berth.proxy.bytes", "metrics")).isGreaterThan(0);
        await().atMost(PROPAGATION).until(() -> meter("berth.proxy.connections.active", "metrics") == 0);
    }

    private static void echo(DatagramSocket socket) {
        byte[] buffer = new byte[64];
        try {
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] reply = ("echo " + new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII))
                        .getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            }
        } catch (IOException closed) {
            // The test closed the socket: the echo server is done.
        }
    }

    private static void setEndpoints(String name, List<Pod> backends) {
        client.endpoints().withName(name).edit(e -> new EndpointsBuilder(e).withSubsets(ServiceFixtures.subsets(backends)).build());
    }

    private static void awaitAnswer(int port) {
        await().atMost(PROPAGATION).ignoreExceptions().until(() -> !Clients.httpGet(NODE, port).isEmpty());
    }

    private static List<String> spread(int port, int requests) throws IOException {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(Clients.httpGet(NODE, port));
        }
        return answers;
    }

    private static String get(int port, String from) {
        try {
            return Clients.httpGet(NODE, port, from);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double meter(String name, String service) {
        MeterRegistry registry = agent.getBean(MeterRegistry.class);
        return registry.find(name).tag("service", service).meters().stream()
                .flatMap(m -> StreamSupport.stream(m.measure().spliterator(), false))
                .mapToDouble(m -> m.getValue()).sum();
    }
}
