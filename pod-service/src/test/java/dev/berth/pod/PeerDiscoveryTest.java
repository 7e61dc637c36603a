package dev.berth.pod;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery and OpenAPI list replication controllers (served by replication-service), but requests 404 here. */
class PeerDiscoveryTest extends PodServiceTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void replicationControllersAreDiscoveredWithTheirScaleSubresource() {
        Http http = new Http(baseUrl());
        JsonNode resources = MAPPER.readTree(http.get("/api/v1").body()).path("resources");
        JsonNode rc = find(resources, "replicationcontrollers");
        assertThat(rc.path("kind").asString()).isEqualTo("ReplicationController");
        assertThat(rc.path("shortNames").get(0).asString()).isEqualTo("rc");
        JsonNode scale = find(resources, "replicationcontrollers/scale");
        assertThat(scale.path("group").asString()).isEqualTo("autoscaling");
        assertThat(scale.path("version").asString()).isEqualTo("v1");
        assertThat(scale.path("kind").asString()).isEqualTo("Scale");

        assertThat(http.get("/openapi/v2").body()).contains("io.k8s.api.core.v1.ReplicationController");
        assertThat(http.get("/api/v1/namespaces/default/replicationcontrollers").statusCode()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode resources, String name) {
        for (JsonNode r : resources) {
            if (r.path("name").asString().equals(name)) {
                return r;
            }
        }
        throw new AssertionError(name + " not in " + resources);
    }
}
