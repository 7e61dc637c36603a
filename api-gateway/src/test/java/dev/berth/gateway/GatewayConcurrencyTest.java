package dev.berth.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.berth.api.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests in flight to one backend at once are all passed on. Spring Cloud CircuitBreaker puts a
 * Resilience4j bulkhead around every breaker, and its default of 25 concurrent calls answered 503 to nearly
 * every create at 500 per second (bench/run-gateway.sh). The backend here is a stand-in that holds each
 * request until 100 are in flight, so the count is certain whatever the machine's speed.
 */
class GatewayConcurrencyTest {

    private static final int IN_FLIGHT = 100;

    private static HttpServer backend;
    private static ConfigurableApplicationContext gateway;
    private static final CountDownLatch ALL_ARRIVED = new CountDownLatch(IN_FLIGHT);
    private static final AtomicInteger ARRIVED = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), IN_FLIGHT * 2);
        backend.setExecutor(Executors.newCachedThreadPool());
        backend.createContext("/", exchange -> {
            ARRIVED.incrementAndGet();
            ALL_ARRIVED.countDown();
            try {
                ALL_ARRIVED.await(20, TimeUnit.SECONDS);
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
        RedisServer redis = RedisServer.shared();
        gateway = new SpringApplicationBuilder(GatewayApplication.class,
                OwnNettyResources.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--spring.cloud.discovery.client.simple.instances.pod-service[0].uri=http://127.0.0.1:"
                        + backend.getAddress().getPort(),
                "--berth.gateway.token-file=" + GatewayCluster.tokenFile(),
                "--berth.gateway.backend-secret=concurrency",
                "--berth.rate-limit.requests-per-second=100000", "--berth.rate-limit.burst=100000");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.stop(0);
        }
    }

    @Test
    void aHundredRequestsInFlightToOneBackendAreAllPassedOn() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String pods = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port")
                + "/api/v1/namespaces/default/pods";
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(pods)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> codes = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            codes.merge(answer.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
        }
        assertThat(codes).as("answers by code").isEqualTo(Map.of(200, IN_FLIGHT));
        assertThat(ARRIVED.get()).as("requests that reached the backend").isEqualTo(IN_FLIGHT);
    }
}
