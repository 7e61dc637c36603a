package dev.berth.pod;

import dev.berth.api.testing.RedisServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh API server does its bootstrap work before it serves: a client polling from the first connection the
 * server accepts never sees a cluster without its system namespaces.
 */
class StartupReadinessTest {

    @Test
    void fromTheFirstAcceptedConnectionEveryNamespaceListHoldsTheSystemNamespaces() throws Exception {
        int port = RedisServer.freePort();
        RedisServer redis = RedisServer.shared();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        List<String> namespaceLists = new CopyOnWriteArrayList<>();
        AtomicBoolean serving = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (serving.get()) {
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/namespaces")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    namespaceLists.add(answer.statusCode() + " " + answer.body());
                } catch (java.io.IOException notListeningYet) {
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poller.start();
        try (ConfigurableApplicationContext server = SpringApplication.run(PodServiceApplication.class,
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--berth.storage.key-prefix=" + RedisServer.newPrefix())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> namespaceLists.size() >= 20);
            serving.set(false);
            poller.join(5_000);
        } finally {
            serving.set(false);
        }

        assertThat(namespaceLists).hasSizeGreaterThanOrEqualTo(20).allSatisfy(answer -> assertThat(answer)
                .startsWith("200 ").contains("\"name\":\"default\"").contains("\"name\":\"kube-system\"")
                .contains("\"name\":\"kube-public\""));
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
