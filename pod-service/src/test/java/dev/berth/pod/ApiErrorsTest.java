package dev.berth.pod;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every client mistake is a Kubernetes Status with the right code and a message naming what is wrong. */
class ApiErrorsTest extends PodServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private Http http;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.data.redis.core.StringRedisTemplate redis;

    @org.springframework.beans.factory.annotation.Value("${berth.storage.key-prefix}")
    private String keyPrefix;

    @BeforeEach
    void http() {
        http = new Http(baseUrl());
    }

    private static String pod(String name) {
        return """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s"},
                 "spec":{"containers":[{"name":"c","image":"busybox"}]}}""".formatted(name);
    }

    private static JsonNode status(HttpResponse<String> response, int code, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("code").asInt()).isEqualTo(code);
        assertThat(status.path("reason").asString()).isEqualTo(reason);
        return status;
    }

    @Test
    void missingObjectIs404() {
        JsonNode s = status(http.get("/api/v1/namespaces/default/pods/nope"), 404, "NotFound");
        assertThat(s.path("message").asString()).isEqualTo("pods \"nope\" not found");
    }

    @Test
    void missingNamespaceIs404() {
        JsonNode s = status(http.post("/api/v1/namespaces/no-such-ns/pods", pod("p")), 404, "NotFound");
        assertThat(s.path("message").asString()).contains("namespaces \"no-such-ns\" not found");
    }

    @Test
    void duplicateIs409AlreadyExists() {
        assertThat(http.post("/api/v1/namespaces/default/pods", pod("dup")).statusCode()).isEqualTo(201);
        status(http.post("/api/v1/namespaces/default/pods", pod("dup")), 409, "AlreadyExists");
    }

    @Test
    void staleResourceVersionIs409Conflict() {
        JsonNode created = JSON.readTree(http.post("/api/v1/namespaces/default/pods", pod("stale")).body());
        String rv = created.path("metadata").path("resourceVersion").asString();
        String update = pod("stale").replace("\"name\":\"stale\"", "\"name\":\"stale\",\"resourceVersion\":\"" + rv
                + "\",\"labels\":{\"a\":\"b\"}");
        assertThat(http.put("/api/v1/namespaces/default/pods/stale", update).statusCode()).isEqualTo(200);

        JsonNode s = status(http.put("/api/v1/namespaces/default/pods/stale", update), 409, "Conflict");
        assertThat(s.path("message").asString()).contains("the object has been modified");
    }

    @Test
    void invalidObjectIs422WithFieldCauses() {
        String bad = """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"Bad_Name"},
                 "spec":{"containers":[{"name":"c"}],"restartPolicy":"Sometimes"}}""";
        JsonNode s = status(http.post("/api/v1/namespaces/default/pods", bad), 422, "Invalid");
        assertThat(s.path("message").asString()).startsWith("Pod \"Bad_Name\" is invalid");
        assertThat(s.path("details").path("causes").findValuesAsString("field"))
                .contains("metadata.name", "spec.containers[0].image", "spec.restartPolicy");
        assertThat(http.get("/api/v1/namespaces/default/pods/Bad_Name").statusCode()).isEqualTo(404);
    }

    @Test
    void hostAccessIsRefusedByDefaultWith422NamingEachField() {
        String hostile = """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"hostile"},
                 "spec":{"hostNetwork":true,"hostPID":true,
                   "volumes":[{"name":"root","hostPath":{"path":"/"}}],
                   "containers":[{"name":"c","image":"busybox","securityContext":{"privileged":true},
                     "volumeMounts":[{"name":"root","mountPath":"/host"}]}]}}""";
        JsonNode s = status(http.post("/api/v1/namespaces/default/pods", hostile), 422, "Invalid");
        assertThat(s.path("details").path("causes").findValuesAsString("field")).containsExactlyInAnyOrder(
                "spec.hostNetwork", "spec.hostPID", "spec.volumes[0].hostPath",
                "spec.containers[0].securityContext.privileged");
        assertThat(s.path("message").asString()).contains("disallowed by cluster policy");
        assertThat(http.get("/api/v1/namespaces/default/pods/hostile").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedJsonIs400() {
        JsonNode s = status(http.post("/api/v1/namespaces/default/pods", "{\"metadata\":"), 400, "BadRequest");
        assertThat(s.path("message").asString()).contains("not valid JSON");
    }

    @Test
    void wrongKindIs400() {
        status(http.post("/api/v1/namespaces/default/pods", "{\"kind\":\"Service\",\"apiVersion\":\"v1\"}"),
                400, "BadRequest");
    }

    @Test
    void bodyOverThreeMebibytesIs413() {
        byte[] big = new byte[3 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        status(http.post("/api/v1/namespaces/default/pods", "application/json", big), 413, "RequestEntityTooLarge");
    }

    @Test
    void unsupportedFieldSelectorIs400() {
        JsonNode s = status(http.get("/api/v1/namespaces/default/pods?fieldSelector=spec.image%3Dx"), 400, "BadRequest");
        assertThat(s.path("message").asString()).contains("spec.image");
    }

    @Test
    void badLabelSelectorIs400() {
        status(http.get("/api/v1/namespaces/default/pods?labelSelector=a%20in%20("), 400, "BadRequest");
    }

    @Test
    void malformedResourceVersionIs400() {
        JsonNode s = status(http.get("/api/v1/namespaces/default/pods?watch=true&resourceVersion=abc"), 400, "BadRequest");
        assertThat(s.path("message").asString()).contains("resourceVersion");
    }

    @Test
    void watchFromTrimmedHistoryIs410Expired() {
        http.post("/api/v1/namespaces/default/pods", pod("history-1"));
        http.post("/api/v1/namespaces/default/pods", pod("history-2"));
        // Trim the event log to its newest entry, as the bounded history eventually does.
        redis.opsForStream().trim(keyPrefix + ":events", 1);

        JsonNode s = status(http.get("/api/v1/namespaces/default/pods?watch=true&resourceVersion=1"), 410, "Expired");
        assertThat(s.path("message").asString()).contains("too old resource version");
    }

    @Test
    void bindingIsACompareAndSetOnTheNode() {
        http.post("/api/v1/namespaces/default/pods", pod("bind-me"));
        String binding = """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"bind-me"},"target":{"kind":"Node","name":"n1"}}""";
        assertThat(http.post("/api/v1/namespaces/default/pods/bind-me/binding", binding).statusCode()).isEqualTo(201);
        JsonNode s = status(http.post("/api/v1/namespaces/default/pods/bind-me/binding",
                binding.replace("n1", "n2")), 409, "Conflict");
        assertThat(s.path("message").asString()).contains("already assigned to node \"n1\"");

        JsonNode pod = JSON.readTree(http.get("/api/v1/namespaces/default/pods/bind-me").body());
        assertThat(pod.path("spec").path("nodeName").asString()).isEqualTo("n1");
        assertThat(pod.path("status").path("conditions").findValuesAsString("type")).contains("PodScheduled");
    }

    @Test
    void statusUpdateCannotChangeTheSpecAndUpdateCannotChangeTheStatus() {
        http.post("/api/v1/namespaces/default/pods", pod("split"));
        String withBoth = """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"split"},
                 "spec":{"containers":[{"name":"c","image":"changed-by-status"}]},
                 "status":{"phase":"Running"}}""";
        http.put("/api/v1/namespaces/default/pods/split/status", withBoth);
        JsonNode afterStatus = JSON.readTree(http.get("/api/v1/namespaces/default/pods/split").body());
        assertThat(afterStatus.path("status").path("phase").asString()).isEqualTo("Running");
        assertThat(afterStatus.path("spec").path("containers").get(0).path("image").asString()).isEqualTo("busybox");

        // A full-object PUT, as clients send it: the image may change, the status it carries is ignored.
        tools.jackson.databind.node.ObjectNode edited = (tools.jackson.databind.node.ObjectNode) afterStatus.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) edited.at("/spec/containers/0")).put("image", "busybox:2");
        ((tools.jackson.databind.node.ObjectNode) edited.path("status")).put("phase", "Failed");
        assertThat(http.put("/api/v1/namespaces/default/pods/split", edited.toString()).statusCode()).isEqualTo(200);
        JsonNode afterUpdate = JSON.readTree(http.get("/api/v1/namespaces/default/pods/split").body());
        assertThat(afterUpdate.path("status").path("phase").asString()).isEqualTo("Running");
        assertThat(afterUpdate.path("spec").path("containers").get(0).path("image").asString()).isEqualTo("busybox:2");
    }

    @Test
    void boundPodIsDeletedGracefullyAndUnboundAtOnce() {
        http.post("/api/v1/namespaces/default/pods", pod("graceful"));
        http.post("/api/v1/namespaces/default/pods/graceful/binding",
                "{\"metadata\":{\"name\":\"graceful\"},\"target\":{\"kind\":\"Node\",\"name\":\"n1\"}}");
        JsonNode marked = JSON.readTree(http.delete("/api/v1/namespaces/default/pods/graceful").body());
        assertThat(marked.path("metadata").path("deletionTimestamp").isMissingNode()).isFalse();
        assertThat(marked.path("metadata").path("deletionGracePeriodSeconds").asLong()).isEqualTo(30);
        assertThat(http.get("/api/v1/namespaces/default/pods/graceful").statusCode()).isEqualTo(200);

        // The node's agent confirms with a zero grace period once the containers are stopped.
        assertThat(http.delete("/api/v1/namespaces/default/pods/graceful?gracePeriodSeconds=0").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/namespaces/default/pods/graceful").statusCode()).isEqualTo(404);

        http.post("/api/v1/namespaces/default/pods", pod("unbound"));
        http.delete("/api/v1/namespaces/default/pods/unbound");
        assertThat(http.get("/api/v1/namespaces/default/pods/unbound").statusCode()).isEqualTo(404);
    }

    @Test
    void serviceWithInvalidSelectorIs422() {
        String svc = """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"bad-sel"},
                 "spec":{"selector":{"app":"not valid!"},"ports":[{"port":80}]}}""";
        JsonNode s = status(http.post("/api/v1/namespaces/default/services", svc), 422, "Invalid");
        assertThat(s.path("details").path("causes").findValuesAsString("field")).contains("spec.selector");
    }

    @Test
    void clusterIpIsReleasedWhenTheServiceIsDeleted() {
        String svc = """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"ip-holder"},
                 "spec":{"clusterIP":"10.96.200.7","ports":[{"port":80}]}}""";
        assertThat(http.post("/api/v1/namespaces/default/services", svc).statusCode()).isEqualTo(201);
        JsonNode taken = status(http.post("/api/v1/namespaces/default/services",
                svc.replace("ip-holder", "ip-thief")), 422, "Invalid");
        assertThat(taken.path("message").asString()).contains("already allocated");

        http.delete("/api/v1/namespaces/default/services/ip-holder");
        assertThat(http.post("/api/v1/namespaces/default/services", svc.replace("ip-holder", "ip-thief")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void anUnknownFieldIsReportedInAWarningHeaderAndTheObjectIsStillCreated() {
        HttpResponse<String> created = http.post("/api/v1/namespaces/default/pods", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"with-typo"},
                 "spec":{"containers":[{"name":"c","image":"busybox","imagePullPolcy":"Never"}]}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().allValues("Warning")).singleElement().asString()
                .startsWith("299 - ").contains("imagePullPolcy");
        assertThat(JSON.readTree(created.body()).path("metadata").path("name").asString()).isEqualTo("with-typo");
    }
}
