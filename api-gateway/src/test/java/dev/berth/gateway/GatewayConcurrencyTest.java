package dev.berth.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many requests in flight to one backend at once are all passed on. Spring Cloud CircuitBreaker puts a
 * Resilience4j bulkhead around every breaker, and its default of 25 concurrent calls answered 503 to nearly
 * every create at 500 per second (bench/run-gateway.sh). Over HTTP/2, which kubectl and fabric8 negotiate, one
 * connection carries them all, and Reactor Netty's default of 100 streams per connection made the JDK's client
 * fail the rest with "too many concurrent streams". The backend here is a stand-in that holds each request
 * until all of them are in flight, so the count is certain whatever the machine's speed.
 */
class GatewayConcurrencyTest {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create();

    private static HttpServer backend;
    private static ConfigurableApplicationContext gateway;
    /** Set by each test before it sends: the backend answers once this many requests have arrived. */
    private static volatile CountDownLatch allArrived;
    private static final AtomicInteger ARRIVED = new AtomicInteger();
    private static final Set<String> HEADERS_SEEN = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        backend.setExecutor(Executors.newCachedThreadPool());
        backend.createContext("/", exchange -> {
            ARRIVED.incrementAndGet();
            exchange.getRequestHeaders().keySet().forEach(name -> HEADERS_SEEN.add(name.toLowerCase(Locale.ROOT)));
            CountDownLatch all = allArrived;
            all.countDown();
            try {
                all.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        gateway = OwnGateway.start(CERTIFICATE, "http://127.0.0.1:" + backend.getAddress().getPort(), "concurrency",
                "--berth.rate-limit.requests-per-second=100000", "--berth.rate-limit.burst=100000");
    }

    @AfterAll
    static void stop() {
        OwnGateway.stop(gateway, backend);
    }

    @Test
    void aHundredRequestsInFlightToOneBackendAreAllPassedOn() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(CERTIFICATE.trustingContext()).build();
        assertAllPassedOn(client, 100, HttpClient.Version.HTTP_1_1);
    }

    @Test
    void threeHundredRequestsInFlightOnOneHttp2ConnectionAreAllPassedOn() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(CERTIFICATE.trustingContext()).build();
        // One request first, so that the connection (and its stream limit) exists before the others share it.
        assertAllPassedOn(client, 1, HttpClient.Version.HTTP_2);
        assertAllPassedOn(client, 300, HttpClient.Version.HTTP_2);
        assertThat(HEADERS_SEEN).as("headers the backend saw").contains("x-remote-user")
                .noneMatch(name -> name.startsWith("x-http2-"));
    }

    /**
     * Beyond the bulkhead's limit the gateway is busy, not the backend broken: the extra requests are answered
     * 429 with {@code Retry-After} (as kube-apiserver beyond its in-flight limit), and the breaker stays closed.
     * The bulkhead sits inside the breaker, which counted its refusals as the backend's failures: an overloaded
     * gateway opened the breaker and answered every request 503 for 5 s (bench/run-gateway.sh at 2,000/s).
     */
    @Test
    void requestsBeyondTheInFlightLimitAreToldToRetryAndTheBackendStaysReachable() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(CERTIFICATE.trustingContext()).build();
        assertAllPassedOn(client, 1, HttpClient.Version.HTTP_2);
        int limit = Integer.parseInt(gateway.getEnvironment()
                .getRequiredProperty("resilience4j.bulkhead.configs.default.max-concurrent-calls"));
        int extra = 20;
        // The backend holds every request it gets until the extra ones have been answered.
        allArrived = new CountDownLatch(limit + extra);
        ARRIVED.set(0);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < limit + extra; i++) {
            answers.add(client.sendAsync(podsRequest(), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> answers.stream().filter(CompletableFuture::isDone).count() >= extra);
        for (int i = 0; i < extra; i++) {
            allArrived.countDown();
        }
        assertThat(Outcomes.of(answers)).as("answers")
                .isEqualTo(Map.of("200 over HTTP_2", limit, "429 over HTTP_2", extra));
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 429) {
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(response.body()).contains("\"reason\":\"TooManyRequests\"")
                        .contains("\"retryAfterSeconds\":1");
            }
        }
        assertAllPassedOn(client, 1, HttpClient.Version.HTTP_2);
    }

    private static HttpRequest podsRequest() {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                        + gateway.getEnvironment().getProperty("local.server.port") + "/api/v1/namespaces/default/pods"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + ADMIN).build();
    }

    private static void assertAllPassedOn(HttpClient client, int inFlight, HttpClient.Version version)
            throws Exception {
        allArrived = new CountDownLatch(inFlight);
        ARRIVED.set(0);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            answers.add(client.sendAsync(podsRequest(), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(Outcomes.of(answers)).as("answers").isEqualTo(Map.of("200 over " + version, inFlight));
        assertThat(ARRIVED.get()).as("requests that reached the backend").isEqualTo(inFlight);
    }
}
