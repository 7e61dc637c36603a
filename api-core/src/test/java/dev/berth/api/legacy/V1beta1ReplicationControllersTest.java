package dev.berth.api.legacy;

import dev.berth.api.errors.ApiException;
import io.fabric8.kubernetes.api.model.ReplicationController;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class V1beta1ReplicationControllersTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The seed's own file, as shipped in ../shared/examples. */
    private static final String SEED = """
            {"id": "redisController", "apiVersion": "v1beta1", "kind": "ReplicationController",
             "desiredState": {"replicas": 1, "replicaSelector": {"name": "redis"},
               "podTemplate": {"desiredState": {"manifest": {"version": "v1beta1", "id": "redisController",
                   "containers": [{"name": "redis", "image": "dockerfile/redis", "imagePullPolicy": "PullIfNotPresent",
                                   "ports": [{"containerPort": 6379, "hostPort": 6379}]}]}},
                 "labels": {"name": "redis"}}},
             "labels": {"name": "redis"}}
            """;

    @Test
    void theSeedControllerBecomesAV1ControllerWithALowerCaseName() {
        V1beta1ReplicationControllers.Converted converted = V1beta1ReplicationControllers.toV1(MAPPER.readTree(SEED));
        ReplicationController rc = converted.controller();
        assertThat(rc.getMetadata().getName()).isEqualTo("rediscontroller");
        assertThat(converted.warnings()).singleElement().asString().contains("redisController");
        assertThat(rc.getMetadata().getLabels()).containsEntry("name", "redis");
        assertThat(rc.getSpec().getReplicas()).isEqualTo(1);
        assertThat(rc.getSpec().getSelector()).containsExactlyEntriesOf(java.util.Map.of("name", "redis"));
        assertThat(rc.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("name", "redis");
        var container = rc.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("dockerfile/redis");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(container.getPorts().get(0).getHostPort()).isEqualTo(6379);
        assertThat(rc.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");
    }

    @Test
    void roundTripsBackToV1beta1() {
        ReplicationController rc = V1beta1ReplicationControllers.toV1(MAPPER.readTree(SEED)).controller();
        rc.getMetadata().setResourceVersion("42");
        JsonNode back = V1beta1ReplicationControllers.fromV1(rc, MAPPER);
        assertThat(back.path("id").asString()).isEqualTo("rediscontroller");
        assertThat(back.path("desiredState").path("replicas").asInt()).isEqualTo(1);
        assertThat(back.path("desiredState").path("replicaSelector").path("name").asString()).isEqualTo("redis");
        assertThat(back.path("desiredState").path("podTemplate").path("desiredState").path("manifest")
                .path("containers").get(0).path("imagePullPolicy").asString()).isEqualTo("PullIfNotPresent");
        assertThat(back.path("currentState").path("replicas").asInt()).isZero();
    }

    @Test
    void aMissingIdOrANonNumericCountIsInvalid() {
        assertThatThrownBy(() -> V1beta1ReplicationControllers.toV1(MAPPER.readTree("{\"desiredState\":{}}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("id"));
        assertThatThrownBy(() -> V1beta1ReplicationControllers.toV1(
                MAPPER.readTree("{\"id\":\"x\",\"desiredState\":{\"replicas\":\"three\"}}")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getMessage()).contains("desiredState.replicas"));
    }
}
