package dev.berth.pod;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operators see Redis in the health check, and request latency, open watches and cached objects in Prometheus
 * metrics.
 */
class ObservabilityTest extends PodServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void healthIncludesRedis() {
        Http http = new Http(baseUrl());
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"redis\"").contains("\"status\":\"UP\"");
    }

    @Test
    void requestLatencyIsAHistogramByVerbResourceAndCodeAndWatchesAreCounted() throws Exception {
        Http http = new Http(baseUrl());
        double before = notFoundGets(http);
        http.get("/api/v1/namespaces/default/pods/no-such-pod");
        assertThat(notFoundGets(http)).isEqualTo(before + 1);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> watch = client.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=30"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = watch.body()) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(http.get("/actuator/prometheus").body())
                            .containsPattern("berth_api_watches\\{[^}]*} [1-9]"));
            assertThat(http.get("/actuator/prometheus").body()).contains("berth_api_requests_seconds_bucket{");
        }
    }

    @Test
    void pathsOfResourcesNotServedAreCountedAsUnknownNotEachUnderItsOwnName() {
        Http http = new Http(baseUrl());
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v1/made-up-" + i).statusCode()).isEqualTo(404);
        }
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("berth_api_requests_seconds_count\\{[^}]*code=\"404\",resource=\"unknown\"")
                .doesNotContain("made-up-");
    }

    /** The request counter of GETs of a pod that answered 404 (other tests share this server). */
    @Test
    void theObjectsEachResourceCachesAreAGauge() {
        Http http = new Http(baseUrl());
        String name = "cached-" + System.nanoTime();
        assertThat(http.post("/api/v1/namespaces/default/pods", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":"
                + "{\"name\":\"" + name + "\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}")
                .statusCode()).isEqualTo(201);
        // Other tests' pods come and go in this shared server: the gauge must settle on what it lists.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(cachedPods(http)).isEqualTo(listedPods(http)).isGreaterThanOrEqualTo(1));

        assertThat(http.delete("/api/v1/namespaces/default/pods/" + name + "?gracePeriodSeconds=0").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(cachedPods(http)).isEqualTo(listedPods(http)));
    }

    private static int listedPods(Http http) {
        return JSON.readTree(http.get("/api/v1/pods").body()).path("items").size();
    }

    private static int cachedPods(Http http) {
        Matcher count = Pattern.compile("berth_api_cache_objects\\{[^}]*resource=\"pods\"[^}]*} ([0-9.]+)")
                .matcher(http.get("/actuator/prometheus").body());
        assertThat(count.find()).as("berth_api_cache_objects for pods").isTrue();
        return (int) Double.parseDouble(count.group(1));
    }

    private static double notFoundGets(Http http) {
        Matcher count = Pattern.compile("berth_api_requests_seconds_count\\{[^}]*code=\"404\",resource=\"pods\","
                + "verb=\"get\"} ([0-9.]+)").matcher(http.get("/actuator/prometheus").body());
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }
}
