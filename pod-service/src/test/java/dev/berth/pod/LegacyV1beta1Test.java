package dev.berth.pod;

import dev.berth.api.testing.Kubectl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's v1beta1 pod JSON, posted as the original design did, is a v1 Pod to kubectl. */
class LegacyV1beta1Test extends PodServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static byte[] seed(String file) throws IOException {
        try (InputStream in = LegacyV1beta1Test.class.getResourceAsStream("/manifests/" + file)) {
            return in.readAllBytes();
        }
    }

    @Test
    void seedRedisPodIsAcceptedAndListedByKubectlAsPending() throws IOException {
        Http http = new Http(baseUrl());
        HttpResponse<String> created = http.post("/api/v1beta1/pods", "application/json", seed("redis-pod.json"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("id").asString()).isEqualTo("redis");
        assertThat(body.path("apiVersion").asString()).isEqualTo("v1beta1");

        Kubectl kubectl = new Kubectl(baseUrl());
        assertThat(kubectl.ok("get", "pods", "redis")).containsPattern("redis\\s+0/1\\s+Pending");
        assertThat(kubectl.ok("get", "pod", "redis", "-o", "jsonpath={.spec.containers[0].ports[0].hostPort}"))
                .isEqualTo("6379");
        assertThat(kubectl.ok("get", "pod", "redis", "-o", "jsonpath={.spec.containers[0].imagePullPolicy}"))
                .isEqualTo("IfNotPresent");

        JsonNode listed = JSON.readTree(http.get("/api/v1beta1/pods").body());
        assertThat(listed.path("items").findValuesAsString("id")).contains("redis");
        assertThat(JSON.readTree(http.get("/api/v1beta1/pods/redis").body())
                .path("currentState").path("status").asString()).isEqualTo("Waiting");
    }
}
