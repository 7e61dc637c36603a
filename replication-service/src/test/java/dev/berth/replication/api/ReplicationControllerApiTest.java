package dev.berth.replication.api;

import dev.berth.replication.Cluster;
import dev.berth.replication.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input is a Kubernetes Status with the right code and, for invalid objects, the field named. */
class ReplicationControllerApiTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String RCS = "/api/v1/namespaces/default/replicationcontrollers";

    private final Http http = new Http(Cluster.shared().url());

    private static String rc(String name, int replicas, String selector, String templateLabel) {
        return """
                {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"%s"},
                 "spec":{"replicas":%d,"selector":{"app":"%s"},
                   "template":{"metadata":{"labels":{"app":"%s"}},
                     "spec":{"containers":[{"name":"c","image":"busybox"}]}}}}
                """.formatted(name, replicas, selector, templateLabel);
    }

    private static JsonNode status(HttpResponse<String> response, int code, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
        JsonNode status = MAPPER.readTree(response.body());
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("reason").asString()).isEqualTo(reason);
        return status;
    }

    private static String causeField(JsonNode status) {
        return status.path("details").path("causes").get(0).path("field").asString();
    }

    @Test
    void aSelectorThatDoesNotMatchTheTemplateIsInvalid() {
        JsonNode s = status(http.post(RCS, rc("mismatch", 1, "a", "b")), 422, "Invalid");
        assertThat(causeField(s)).isEqualTo("spec.template.metadata.labels");
    }

    @Test
    void negativeReplicasAreInvalidOnCreateAndOnScale() {
        assertThat(causeField(status(http.post(RCS, rc("negative", -1, "a", "a")), 422, "Invalid")))
                .isEqualTo("spec.replicas");
        assertThat(http.post(RCS, rc("to-scale", 0, "to-scale", "to-scale")).statusCode()).isEqualTo(201);
        JsonNode s = status(http.send("PATCH", RCS + "/to-scale/scale", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":-2}}"), 422, "Invalid");
        assertThat(causeField(s)).isEqualTo("spec.replicas");
    }

    @Test
    void scaleReadsAndWritesTheCountWithItsVersionAsPrecondition() {
        assertThat(http.post(RCS, rc("scaled", 0, "scaled", "scaled")).statusCode()).isEqualTo(201);
        // The replication manager's first status write changes the version: read it after that.
        await().atMost(Duration.ofSeconds(30)).until(() -> MAPPER.readTree(http.get(RCS + "/scaled").body())
                .path("status").path("observedGeneration").asLong() == 1);
        JsonNode scale = MAPPER.readTree(http.get(RCS + "/scaled/scale").body());
        assertThat(scale.path("apiVersion").asString()).isEqualTo("autoscaling/v1");
        assertThat(scale.path("kind").asString()).isEqualTo("Scale");
        assertThat(scale.path("status").path("selector").asString()).isEqualTo("app=scaled");
        String version = scale.path("metadata").path("resourceVersion").asString();

        String put = "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"scaled\","
                + "\"resourceVersion\":\"" + version + "\"},\"spec\":{\"replicas\":1}}";
        assertThat(http.send("PUT", RCS + "/scaled/scale", "application/json", put).statusCode()).isEqualTo(200);
        // The same version again is stale now.
        status(http.send("PUT", RCS + "/scaled/scale", "application/json", put), 409, "Conflict");
        JsonNode rc = MAPPER.readTree(http.get(RCS + "/scaled").body());
        assertThat(rc.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(rc.path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    /** The generation counts changes of the spec as stored, defaults filled in, as Kubernetes counts them. */
    @Test
    void aPutLeavingOutDefaultedFieldsKeepsTheGenerationAndAChangedSpecAdvancesIt() {
        String body = rc("regen", 0, "regen", "regen");
        assertThat(http.post(RCS, body).statusCode()).isEqualTo(201);

        assertThat(http.send("PUT", RCS + "/regen", "application/json", body).statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(http.get(RCS + "/regen").body()).path("metadata").path("generation").asLong())
                .isEqualTo(1);

        String changed = body.replace("\"image\":\"busybox\"", "\"image\":\"busybox:1.36\"");
        assertThat(http.send("PUT", RCS + "/regen", "application/json", changed).statusCode()).isEqualTo(200);
        JsonNode rc = MAPPER.readTree(http.get(RCS + "/regen").body());
        assertThat(rc.path("spec").path("template").path("spec").path("containers").get(0).path("image").asString())
                .isEqualTo("busybox:1.36");
        assertThat(rc.path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    @Test
    void missingDuplicateAndMalformedRequests() {
        status(http.get(RCS + "/nope"), 404, "NotFound");
        status(http.get(RCS + "/nope/scale"), 404, "NotFound");
        assertThat(http.post(RCS, rc("twice", 0, "twice", "twice")).statusCode()).isEqualTo(201);
        status(http.post(RCS, rc("twice", 0, "twice", "twice")), 409, "AlreadyExists");
        status(http.post(RCS, "{not json"), 400, "BadRequest");
        status(http.send("DELETE", RCS + "/twice?propagationPolicy=Sideways", "application/json", ""), 400,
                "BadRequest");
        status(http.post("/api/v1beta1/replicationControllers", "{\"desiredState\":{}}"), 422, "Invalid");
        status(http.post("/api/v1beta1/replicationControllers", "[1]"), 400, "BadRequest");
    }
}
