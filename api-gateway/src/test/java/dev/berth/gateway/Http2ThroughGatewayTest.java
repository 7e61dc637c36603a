package dev.berth.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes multiplexed on one HTTP/2 connection, as kubectl and fabric8 send them, through the gateway to the
 * real pod-service. Passed on as received, their bodies' buffers were released one time too many: the
 * connection's decoder then failed, its streams hung or got 5xx, and the circuit breaker opened.
 */
class Http2ThroughGatewayTest {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CREATES = 1_000;
    private static final int IN_FLIGHT = 100;
    private static final int PACKED_CREATES = 5_000;

    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() {
        GatewayCluster cluster = GatewayCluster.shared();
        gateway = OwnGateway.start(CERTIFICATE, cluster.podService.url(), cluster.secret,
                "--berth.rate-limit.requests-per-second=100000", "--berth.rate-limit.burst=100000",
                "--logging.level.root=WARN");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void concurrentCreatesOnOneHttp2ConnectionAreAllStoredAsSent() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(CERTIFICATE.trustingContext()).build();
        String namespace = "h2-" + Long.toString(System.nanoTime(), 36);
        assertThat(send(client, "/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + namespace + "\"}}")
                .get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);

        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            inFlight.acquire();
            String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p" + i + "\"},"
                    + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox:" + i + "\"}]}}";
            answers.add(send(client, "/api/v1/namespaces/" + namespace + "/pods", pod)
                    .whenComplete((response, error) -> inFlight.release()));
        }
        assertThat(Outcomes.of(answers)).as("answers").isEqualTo(Map.of("201 over HTTP_2", CREATES));

        JsonNode pods = JSON.readTree(client.send(HttpRequest.newBuilder(
                        URI.create(url() + "/api/v1/namespaces/" + namespace + "/pods"))
                .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(pods.path("items").size()).as("pods stored").isEqualTo(CREATES);
        for (JsonNode pod : pods.path("items")) {
            String index = pod.path("metadata").path("name").asString().substring(1);
            assertThat(pod.path("spec").path("containers").path(0).path("image").asString())
                    .as("image of %s", pod.path("metadata").path("name").asString())
                    .isEqualTo("busybox:" + index);
        }
    }

    /**
     * nghttp2's load generator writes the frames of many requests together; so sent, the same create a
     * thousand times over found the double release within seconds (most answers 5xx, then the breaker open).
     */
    @Test
    void writesPackedTogetherOnOneHttp2ConnectionGetTheBackendsAnswers() throws Exception {
        String namespace = "h2load-" + Long.toString(System.nanoTime(), 36);
        HttpClient client = HttpClient.newBuilder().sslContext(CERTIFICATE.trustingContext()).build();
        assertThat(send(client, "/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + namespace + "\"}}")
                .get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        Path body = Files.createTempFile("pod", ".json");
        Files.writeString(body, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"same\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}");

        String report = H2Load.run("-n", Integer.toString(PACKED_CREATES), "-c", "1", "-m", "100",
                "-d", body.toString(), "-H", "Content-Type: application/json", "-H", "Authorization: Bearer " + ADMIN,
                url() + "/api/v1/namespaces/" + namespace + "/pods");

        // One create, then the same name refused as AlreadyExists: the backend's answers, none of the gateway's.
        assertThat(report).contains("status codes: 1 2xx, 0 3xx, " + (PACKED_CREATES - 1) + " 4xx, 0 5xx")
                .contains(PACKED_CREATES + " done, ").contains(" 0 errored, 0 timeout");
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient client, String path, String body) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url() {
        return "https://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
    }
}
