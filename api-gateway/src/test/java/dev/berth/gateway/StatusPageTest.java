package dev.berth.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The status page and the component health it shows (the page itself is checked in Chromium by e2e/). */
class StatusPageTest {

    private final GatewayCluster cluster = GatewayCluster.shared();

    @Test
    void thePageAndItsScriptAreServedWithoutAToken() {
        HttpResponse<String> page = Requests.get(cluster.url() + "/status", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Berth status</title>", "/status/status.js");
        assertThat(Requests.get(cluster.url() + "/status/status.js", null).body()).contains("/api/v1/nodes");
    }

    @Test
    void componentsShowTheApiServerRedisAndWhetherEachRoleHasALeader() {
        String components = Requests.get(cluster.url() + "/status/components", null).body();
        assertThat(components)
                .contains("{\"name\":\"api-gateway\",\"where\":\"this instance\",\"healthy\":true")
                .contains("{\"name\":\"pod-service\",\"where\":\"" + cluster.podService.url() + "\",\"healthy\":true,\"detail\":\"ready\"}")
                .contains("{\"name\":\"redis\",\"where\":\"storage\",\"healthy\":true,\"detail\":\"PONG\"}")
                .contains("{\"name\":\"scheduler\",\"where\":\"leader\",\"healthy\":false,\"detail\":\"no leader elected\"}");

        // What a leader's lock registry holds while it renews: its id, expiring one lease after the last renewal.
        String lock = GatewayCluster.LEADER_KEYS + ":scheduler";
        ReactiveStringRedisTemplate redis = cluster.gateway.getBean(ReactiveStringRedisTemplate.class);
        redis.opsForValue().set(lock, UUID.randomUUID().toString(), Duration.ofSeconds(10)).block();
        try {
            assertThat(Requests.get(cluster.url() + "/status/components", null).body())
                    .containsPattern("\\{\"name\":\"scheduler\",\"where\":\"leader\",\"healthy\":true,"
                            + "\"detail\":\"leader elected, lease (10|9|8) s\"}")
                    .contains("{\"name\":\"controller-manager\",\"where\":\"leader\",\"healthy\":false");
        } finally {
            redis.delete(lock).block();
        }
    }
}
