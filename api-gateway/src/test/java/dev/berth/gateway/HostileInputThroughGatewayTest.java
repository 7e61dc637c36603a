package dev.berth.gateway;

import dev.berth.api.testing.HostileRequests;
import dev.berth.api.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests through the gateway to the real backends (pod-service and replication-service): the
 * gateway passes client mistakes on as the backend's Status, never as a 5xx of its own, and stores nothing
 * that was not acknowledged; callers it refuses (no or bad token, forged identity headers) and requests too
 * large to decode get a Status whatever they send. A gateway of its own (plain HTTP, no rate limit to speak
 * of) over the shared cluster's pod-service, so the fuzzer meets the API rather than the shared gateway's
 * throttle.
 */
class HostileInputThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = 3_000;
    private static final int REFUSED_REQUESTS = 300;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, String> AS_ADMIN = Map.of("Authorization", "Bearer " + ADMIN);

    private static ReplicationServiceProcess replicationService;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() {
        GatewayCluster cluster = GatewayCluster.shared();
        RedisServer redis = RedisServer.shared();
        replicationService = new ReplicationServiceProcess(redis, cluster.keyPrefix, cluster.secret);
        gateway = new SpringApplicationBuilder(GatewayApplication.class, OwnNettyResources.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--spring.cloud.discovery.client.simple.instances.pod-service[0].uri=" + cluster.podService.url(),
                "--spring.cloud.discovery.client.simple.instances.replication-service[0].uri="
                        + replicationService.url(),
                "--berth.gateway.token-file=" + GatewayCluster.tokenFile(),
                "--berth.gateway.backend-secret=" + cluster.secret,
                "--berth.rate-limit.requests-per-second=100000", "--berth.rate-limit.burst=100000",
                // Reactor Netty logs every request it cannot decode; here those are the point.
                "--logging.level.root=WARN", "--logging.level.reactor.netty.http.server=ERROR");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (replicationService != null) {
            replicationService.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pods                   | {"apiVersion":"v1","kind":"Pod","metadata":{"name":"fz","labels":{"app":"fz"}},"spec":{"containers":[{"name":"c","image":"busybox","command":["sleep","1"],"ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"}]}],"restartPolicy":"Always"}}
            replicationcontrollers | {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"fz","labels":{"app":"fz"}},"spec":{"replicas":0,"selector":{"app":"fz"},"template":{"metadata":{"labels":{"app":"fz"}},"spec":{"containers":[{"name":"c","image":"busybox","ports":[{"containerPort":80}]}]}}}}
            """)
    void hostileRequestsThroughTheGatewayGetTheBackendsStatusAndStoreNothingUnacknowledged(String resource,
                                                                                            String valid)
            throws Exception {
        String namespace = "gw-fuzz-" + resource;
        assertThat(send("POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + namespace + "\"}}")
                .statusCode()).isIn(201, 409);
        String collection = "/api/v1/namespaces/" + namespace + "/" + resource;

        HostileRequests.Outcome outcome = new HostileRequests(url(), collection, valid, resource.hashCode())
                .run(REQUESTS, 4, AS_ADMIN);

        System.out.printf("%s through the gateway: %d hostile requests, answers by code %s%n", resource,
                outcome.sent(), outcome.codes());
        assertThat(outcome.violations()).as("answers breaking the API's promises").isEmpty();
        assertThat(outcome.codes().keySet()).as("most requests were refused, and for several reasons")
                .contains(400, 404, 422);
        List<String> unacknowledged = new ArrayList<>();
        for (JsonNode item : JSON.readTree(send("GET", collection, null).body()).path("items")) {
            String name = item.path("metadata").path("name").asString();
            if (!outcome.acceptedNames().contains(name)) {
                unacknowledged.add(name);
            }
        }
        assertThat(unacknowledged).as("objects stored by refused requests").isEmpty();
    }

    /** Callers the gateway refuses, whatever they send: a Status, and not one write accepted. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no token              | 401 |
            unknown token         | 401 | Authorization=Bearer nope
            basic credentials     | 401 | Authorization=Basic YWRtaW46YWRtaW4=
            bare bearer           | 401 | Authorization=Bearer
            viewer forging admin  | 403 | Authorization=Bearer viewer-token;X-Remote-User=admin;X-Remote-Group=system:masters;X-Berth-Gateway-Secret=guess
            """)
    void refusedCallersGetAStatusWhateverTheyAskAndStoreNothing(String caller, int code, String headers)
            throws Exception {
        String collection = "/api/v1/namespaces/default/pods";
        String valid = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"gw-refused\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}";

        HostileRequests.Outcome outcome = new HostileRequests(url(), collection, valid, caller.hashCode())
                .run(REFUSED_REQUESTS, 4, headers(headers));

        System.out.printf("%s through the gateway: answers by code %s%n", caller, outcome.codes());
        assertThat(outcome.violations()).as("answers breaking the API's promises").isEmpty();
        assertThat(outcome.codes()).as("requests refused for who sent them").containsKey(code);
        assertThat(outcome.acceptedNames()).as("writes accepted").isEmpty();
        assertThat(send("GET", collection, null).body()).doesNotContain("gw-refused");
    }

    /**
     * A refusal right after a proxied answer on the same kept-alive connection: the client's next request
     * could arrive while the proxied exchange was still ending, and when the gateway's own answer to it ended
     * at once, Reactor Netty 1.3 stopped reading the connection (reactor/reactor-netty#4361): the request
     * after it hung unanswered.
     */
    @Test
    void aRefusalAfterAProxiedAnswerLeavesTheConnectionReadable() throws Exception {
        HttpClient kept = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String pods = url() + "/api/v1/namespaces/default/pods";
        String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"refused\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}";
        for (int i = 0; i < 1_000; i++) {
            HttpRequest read = HttpRequest.newBuilder(URI.create(pods)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer viewer-token").build();
            assertThat(kept.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).as("read %d", i)
                    .isEqualTo(200);
            HttpRequest write = HttpRequest.newBuilder(URI.create(pods)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer viewer-token").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(pod)).build();
            assertThat(kept.send(write, HttpResponse.BodyHandlers.ofString()).statusCode()).as("write %d", i)
                    .isEqualTo(403);
        }
    }

    /**
     * Just over the limits (4 KB request line, 8 KB of headers): the gateway closes the connection once it has
     * answered, and a client still sending a larger request may see the connection reset before the answer.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"414, 5000, 0", "431, 0, 9000"})
    void requestsTooLargeToDecodeGetAStatus(int code, int queryLength, int headerLength) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/api/v1/pods?labelSelector="
                + "a".repeat(queryLength))).header("Authorization", "Bearer " + ADMIN);
        if (headerLength > 0) {
            request.header("X-Junk", "x".repeat(headerLength));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(code);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("code").asInt()).isEqualTo(code);
    }

    private static Map<String, String> headers(String spec) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (spec != null) {
            for (String header : spec.split(";")) {
                String[] pair = header.split("=", 2);
                headers.put(pair[0], pair[1]);
            }
        }
        return headers;
    }

    private static String url() {
        return "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
