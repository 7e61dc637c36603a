package dev.berth.gateway;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Long watches stream through untouched; a stopped backend trips the breaker to fast 503s and back. */
class GatewayResilienceTest {

    private final GatewayCluster cluster = GatewayCluster.shared();

    @Test
    void aWatchThroughTheGatewayKeepsDeliveringFor90Seconds() throws Exception {
        String ns = "/api/v1/namespaces/default/pods";
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.url() + ns
                        + "?watch=true&timeoutSeconds=120&labelSelector=watch%3Dlong"))
                .header("Authorization", "Bearer " + ADMIN).build();
        HttpResponse<java.io.InputStream> watch = Requests.CLIENT.send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(watch.statusCode()).isEqualTo(200);
        ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(watch.body())).lines()
                .forEach(events::add));
        reader.setDaemon(true);
        reader.start();
        Instant start = Instant.now();
        for (int i = 0; i < 4; i++) {
            Instant due = start.plusSeconds(30L * i);
            await().atMost(Duration.ofSeconds(35)).until(() -> !Instant.now().isBefore(due));
            String name = "long-watch-" + i;
            assertThat(Requests.send("POST", cluster.url() + ns, ADMIN, "application/json",
                    Requests.pod(name, null).replace("\"app\":\"gw\"", "\"watch\":\"long\"")).statusCode())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).as("watch events")
                    .anyMatch(e -> e.contains(name)));
        }
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
        assertThat(reader.isAlive()).as("the stream is still open").isTrue();
        watch.body().close();
    }

    @Test
    void theBreakerOpensWhenPodServiceStopsAndClosesWhenItIsBack() {
        String pods = cluster.url() + "/api/v1/namespaces/default/pods";
        assertThat(Requests.get(pods, ADMIN).statusCode()).isEqualTo(200);
        cluster.podService.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Requests.get(pods, ADMIN).statusCode() == 503);
            // Once open, the breaker answers at once instead of trying the dead backend.
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                HttpResponse<String> response = Requests.get(pods, ADMIN);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("\"reason\":\"ServiceUnavailable\"");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            }
        } finally {
            cluster.podService.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Requests.get(pods, ADMIN).statusCode() == 200);
    }
}
