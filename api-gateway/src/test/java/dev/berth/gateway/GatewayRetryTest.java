package dev.berth.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GET that meets a backend answering 503 (an API server shutting down, say) is tried again, at most twice, and a
 * write never is: the backend may have stored it. The backend is a stand-in that answers 503 as told, so that
 * what the gateway did is counted exactly.
 */
class GatewayRetryTest {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create();
    private static final String UNAVAILABLE = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
            + "\"status\":\"Failure\",\"message\":\"the backend is shutting down\",\"reason\":\"ServiceUnavailable\","
            + "\"code\":503}";

    private static HttpServer backend;
    private static ConfigurableApplicationContext gateway;
    /** Requests each path has received, by method and path. */
    private static final Map<String, AtomicInteger> ARRIVED = new ConcurrentHashMap<>();
    /** How many of its first requests each path answers 503. */
    private static final Map<String, Integer> FAILING_FIRST = Map.of(
            "/api/v1/namespaces/default/pods/once", 1,
            "/api/v1/namespaces/default/pods/always", Integer.MAX_VALUE,
            "/api/v1/namespaces/default/pods", Integer.MAX_VALUE);

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        backend.createContext("/", GatewayRetryTest::answer);
        backend.start();
        gateway = OwnGateway.start(CERTIFICATE, "http://127.0.0.1:" + backend.getAddress().getPort(), "retry",
                // Every 503 here is the test's; the breaker is not what is measured.
                "--resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=1000");
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        int arrived = ARRIVED.computeIfAbsent(exchange.getRequestMethod() + " " + path, p -> new AtomicInteger())
                .incrementAndGet();
        boolean failing = arrived <= FAILING_FIRST.getOrDefault(path, 0);
        byte[] body = (failing ? UNAVAILABLE : "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        OwnGateway.stop(gateway, backend);
    }

    @Test
    void aGetThatMeetsA503IsTriedAgain() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/v1/namespaces/default/pods/once", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(arrived("GET /api/v1/namespaces/default/pods/once")).isEqualTo(2);
    }

    @Test
    void aGetIsTriedThreeTimesAtMostAndTheClientGetsTheBackendsLastAnswer() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/v1/namespaces/default/pods/always", null);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(UNAVAILABLE);
        assertThat(arrived("GET /api/v1/namespaces/default/pods/always")).isEqualTo(3);
    }

    @Test
    void aCreateIsNeverSentTwice() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/v1/namespaces/default/pods", Requests.pod("once-only", null));
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(UNAVAILABLE);
        assertThat(arrived("POST /api/v1/namespaces/default/pods")).isEqualTo(1);
    }

    private static int arrived(String request) {
        AtomicInteger count = ARRIVED.get(request);
        return count == null ? 0 : count.get();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(CERTIFICATE.trustingContext()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                        + gateway.getEnvironment().getProperty("local.server.port") + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
