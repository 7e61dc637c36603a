package dev.berth.proxy;

import dev.berth.api.testing.PodServiceProcess;
import dev.berth.api.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A proxy-agent started beside an API that holds no Services or Endpoints at all, as on a new cluster. */
class ProxyAgentStartTest {

    private static PodServiceProcess podService;

    @BeforeAll
    static void startApi() {
        podService = new PodServiceProcess(RedisServer.shared(), RedisServer.newPrefix(), "");
        podService.start();
    }

    @AfterAll
    static void stopApi() {
        podService.stop();
    }

    @Test
    void anAgentOnAnEmptyClusterIsReadyAsSoonAsItHasListedNotAtTheNextResync() {
        // An hour's resync: only the informers' completed lists can make it ready within the deadline.
        try (ConfigurableApplicationContext agent = new SpringApplicationBuilder(ProxyAgentApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--berth.proxy.node-address=127.0.0.51",
                        "--berth.proxy.api-server=" + podService.url(), "--berth.proxy.resync-interval=1h",
                        "--logging.level.root=WARN")) {
            URI health = URI.create("http://127.0.0.1:" + agent.getEnvironment().getProperty("local.server.port")
                    + "/actuator/health");
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"status\":\"UP\"");
            });
        }
    }
}
