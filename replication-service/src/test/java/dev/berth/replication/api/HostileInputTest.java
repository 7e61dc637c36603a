package dev.berth.replication.api;

import dev.berth.api.testing.HostileRequests;
import dev.berth.replication.Cluster;
import dev.berth.replication.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 malformed or hostile requests to replication controllers (bodies, content types, query strings,
 * paths, every verb), and 2,000 to their {@code /scale}: never a 5xx, every refusal a {@code Status} with its
 * code, and nothing stored that was not acknowledged.
 */
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = 10_000;
    private static final int SCALE_REQUESTS = 2_000;
    private static final String NAMESPACE = "fuzz-replicationcontrollers";
    private static final String COLLECTION = "/api/v1/namespaces/" + NAMESPACE + "/replicationcontrollers";
    // No replicas, so the controllers the API accepts cost the replication manager no pods.
    private static final String VALID = """
            {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"fz","labels":{"app":"fz"}},
             "spec":{"replicas":0,"selector":{"app":"fz"},"template":{"metadata":{"labels":{"app":"fz"}},
               "spec":{"containers":[{"name":"c","image":"busybox","ports":[{"containerPort":80}],
                 "env":[{"name":"A","value":"1"}]}],"restartPolicy":"Always"}}}}""";

    private final Cluster cluster = Cluster.shared();

    @BeforeEach
    void namespace() {
        assertThat(new Http(cluster.podService.url()).post("/api/v1/namespaces",
                "{\"metadata\":{\"name\":\"" + NAMESPACE + "\"}}").statusCode()).isIn(201, 409);
    }

    @Test
    void hostileRequestsNeverBreakTheApiAndStoreNothingUnacknowledged() throws Exception {
        HostileRequests.Outcome outcome = new HostileRequests(cluster.url(), COLLECTION, VALID,
                "replicationcontrollers".hashCode()).run(REQUESTS, 4, Map.of());

        System.out.printf("replicationcontrollers: %d hostile requests, answers by code %s%n", outcome.sent(),
                outcome.codes());
        assertThat(outcome.violations()).as("answers breaking the API's promises").isEmpty();
        assertThat(outcome.codes().keySet()).as("most requests were refused, and for several reasons")
                .contains(400, 404, 422);
        List<String> unacknowledged = new ArrayList<>();
        for (JsonNode item : JSON.readTree(new Http(cluster.url()).get(COLLECTION).body()).path("items")) {
            String name = item.path("metadata").path("name").asString();
            if (!outcome.acceptedNames().contains(name)) {
                unacknowledged.add(name);
            }
        }
        assertThat(unacknowledged).as("controllers stored by refused requests").isEmpty();
    }

    /**
     * The generator's requests, derived from a valid Scale, sent to one controller's {@code /scale}: this
     * service's own endpoint. Whatever they send, a Status when refused, and the count only ever a valid one.
     */
    @Test
    void hostileScaleRequestsNeverBreakTheApi() {
        Http http = new Http(cluster.url());
        assertThat(http.post(COLLECTION, VALID.replace("\"fz\"", "\"scaled\"")).statusCode()).isIn(201, 409);
        String scale = COLLECTION + "/scaled/scale";
        HostileRequests generator = new HostileRequests(cluster.url(), scale, """
                {"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"scaled"},"spec":{"replicas":0}}""",
                "scale".hashCode());

        List<String> violations = new ArrayList<>();
        for (int i = 0; i < SCALE_REQUESTS; i++) {
            HostileRequests.Sent sent = generator.request(i);
            // Every verb at the subresource itself, with the generated query string, content type and body.
            String query = sent.path().contains("?") ? sent.path().substring(sent.path().indexOf('?')) : "";
            HttpResponse<String> answer = http.send(sent.method(), scale + query, sent.contentType(), sent.body());
            String problem = HostileRequests.check(answer);
            if (problem != null) {
                violations.add(problem + " for #" + i + " " + sent.method() + " " + scale + query + " ["
                        + sent.contentType() + "] " + sent.body().substring(0, Math.min(300, sent.body().length())));
            }
        }
        assertThat(violations).as("answers breaking the API's promises").isEmpty();
        JsonNode replicas = JSON.readTree(http.get(COLLECTION + "/scaled").body()).path("spec").path("replicas");
        assertThat(replicas.isInt() && replicas.asInt() >= 0).as("a valid count stored: " + replicas).isTrue();
        assertThat(http.get(scale).statusCode()).isEqualTo(200);
    }
}
