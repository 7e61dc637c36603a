package dev.berth.api.legacy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class V1beta1PodsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String SEED = """
            {"id": "redis",
             "desiredState": {"manifest": {"version": "v1beta1", "id": "redis",
               "containers": [{"name": "redis", "image": "dockerfile/redis", "imagePullPolicy": "PullIfNotPresent",
                               "cpu": 250, "memory": 67108864,
                               "ports": [{"containerPort": 6379, "hostPort": 6379}]}]}},
             "labels": {"name": "redis"}}
            """;

    @Test
    void theSeedPodBecomesAV1Pod() {
        V1beta1Pods.ConvertedPod converted = V1beta1Pods.toV1(MAPPER.readTree(SEED));
        Pod pod = converted.pod();
        assertThat(converted.warnings()).isEmpty();
        assertThat(pod.getMetadata().getName()).isEqualTo("redis");
        assertThat(pod.getMetadata().getLabels()).containsEntry("name", "redis");
        var container = pod.getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("dockerfile/redis");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(6379);
        assertThat(container.getPorts().get(0).getHostPort()).isEqualTo(6379);
        assertThat(container.getPorts().get(0).getProtocol()).isEqualTo("TCP");
        assertThat(container.getResources().getLimits().get("cpu").toString()).isEqualTo("250m");
        assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo("67108864");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Always");
    }

    @Test
    void mixedCaseIdsAreLowerCasedWithAWarning() {
        V1beta1Pods.ConvertedPod converted = V1beta1Pods.toV1(MAPPER.readTree(SEED.replace("\"id\": \"redis\",\n",
                "\"id\": \"RedisMaster\",\n")));
        assertThat(converted.pod().getMetadata().getName()).isEqualTo("redismaster");
        assertThat(converted.warnings()).singleElement().asString().contains("RedisMaster");
    }

    @ParameterizedTest(name = "phase {0} is v1beta1 status {1}")
    @CsvSource({"Pending, Waiting", "Running, Running", "Succeeded, Terminated", "Failed, Terminated"})
    void currentStateFollowsThePhase(String phase, String status) {
        Pod pod = V1beta1Pods.toV1(MAPPER.readTree(SEED)).pod();
        pod.getMetadata().setResourceVersion("7");
        pod.setStatus(new PodStatusBuilder().withPhase(phase).withPodIP("172.17.0.3").build());
        JsonNode legacy = V1beta1Pods.fromV1(pod, MAPPER);
        assertThat(legacy.path("id").asString()).isEqualTo("redis");
        assertThat(legacy.path("resourceVersion").asLong()).isEqualTo(7);
        assertThat(legacy.path("currentState").path("status").asString()).isEqualTo(status);
        assertThat(legacy.path("currentState").path("podIP").asString()).isEqualTo("172.17.0.3");
        assertThat(legacy.path("desiredState").path("manifest").path("containers").path(0).path("imagePullPolicy")
                .asString()).isEqualTo("PullIfNotPresent");
    }
}
