package dev.berth.pod;

import dev.berth.api.testing.RedisServer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While Redis is unreachable the API answers 503 with {@code Retry-After}, promptly, and loses nothing: a
 * client that retries (fabric8 does) gets its write through once Redis is back, every object written before is
 * still there, and a watch opened before the outage goes on without a gap.
 */
class StorageOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anOutageAnswers503WithRetryAfterAndAClientThatRetriesLosesNothing(@TempDir Path data) throws Exception {
        RedisServer redis = RedisServer.startPersistent(data);
        int port = RedisServer.freePort();
        ConfigurableApplicationContext server = SpringApplication.run(PodServiceApplication.class,
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redis.port(), "--berth.storage.key-prefix=" + RedisServer.newPrefix());
        String base = "http://127.0.0.1:" + port;
        Http http = new Http(base);
        try {
            assertThat(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"outage\"}}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> before = http.post("/api/v1/namespaces/outage/pods", pod("before"));
            assertThat(before.statusCode()).isEqualTo(201);
            JsonNode beforeMeta = JSON.readTree(before.body()).get("metadata");
            BlockingQueue<String> events = http.watch("/api/v1/namespaces/outage/pods?watch=true&resourceVersion="
                    + beforeMeta.get("resourceVersion").asString());
            // The watch request is sent asynchronously: Redis may go only once the server holds the watch.
            MeterRegistry meters = server.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("berth.api.watches").gauge().value() >= 1);

            redis.stop();
            long started = System.nanoTime();
            HttpResponse<String> get = http.get("/api/v1/namespaces/outage/pods/before");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertUnavailable(get);
            assertUnavailable(http.post("/api/v1/namespaces/outage/pods", pod("refused")));

            Config config = new ConfigBuilder().withMasterUrl(base).withNamespace("outage")
                    .withRequestRetryBackoffLimit(30).build();
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
                CompletableFuture<Pod> retried = CompletableFuture.supplyAsync(() ->
                        client.pods().resource(new PodBuilder().withNewMetadata().withName("retried").endMetadata()
                                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer()
                                .endSpec().build()).create());
                // Redis comes back only after the client has been refused at least once.
                Timer refusedCreates = meters.find("berth.api.requests")
                        .tags("verb", "create", "resource", "pods", "code", "503").timer();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> refusedCreates != null && refusedCreates.count() >= 2);
                redis = redis.restart();

                Pod created = retried.get(60, TimeUnit.SECONDS);
                assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();
            }

            HttpResponse<String> after = http.get("/api/v1/namespaces/outage/pods/before");
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(after.body()).get("metadata").get("uid")).isEqualTo(beforeMeta.get("uid"));
            assertThat(http.get("/api/v1/namespaces/outage/pods/refused").statusCode())
                    .as("a refused write was not applied").isEqualTo(404);

            String event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("the watch opened before the outage delivers the write after it").isNotNull();
            JsonNode frame = JSON.readTree(event);
            assertThat(frame.get("type").asString()).isEqualTo("ADDED");
            assertThat(frame.at("/object/metadata/name").asString()).isEqualTo("retried");
        } finally {
            server.close();
            redis.stop();
        }
    }

    private static void assertUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode status = JSON.readTree(answer.body());
        assertThat(status.get("kind").asString()).isEqualTo("Status");
        assertThat(status.get("reason").asString()).isEqualTo("ServiceUnavailable");
        assertThat(status.get("message").asString()).contains("storage is unavailable");
        assertThat(status.at("/details/retryAfterSeconds").asInt()).isEqualTo(1);
    }

    private static String pod(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}";
    }
}
