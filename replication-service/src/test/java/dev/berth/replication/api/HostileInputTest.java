package dev.berth.replication.api;

import dev.berth.api.testing.HostileRequests;
import dev.berth.replication.Cluster;
import dev.berth.replication.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 malformed or hostile requests to replication controllers (bodies, content types, query strings,
 * paths, every verb): never a 5xx, every refusal a {@code Status} with its code, and nothing stored that was
 * not acknowledged.
 */
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = 10_000;
    private static final String NAMESPACE = "fuzz-replicationcontrollers";
    private static final String COLLECTION = "/api/v1/namespaces/" + NAMESPACE + "/replicationcontrollers";
    // No replicas, so the controllers the API accepts cost the replication manager no pods.
    private static final String VALID = """
            {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"fz","labels":{"app":"fz"}},
             "spec":{"replicas":0,"selector":{"app":"fz"},"template":{"metadata":{"labels":{"app":"fz"}},
               "spec":{"containers":[{"name":"c","image":"busybox","ports":[{"containerPort":80}],
                 "env":[{"name":"A","value":"1"}]}],"restartPolicy":"Always"}}}}""";

    private final Cluster cluster = Cluster.shared();

    @Test
    void hostileRequestsNeverBreakTheApiAndStoreNothingUnacknowledged() throws Exception {
        assertThat(new Http(cluster.podService.url()).post("/api/v1/namespaces",
                "{\"metadata\":{\"name\":\"" + NAMESPACE + "\"}}").statusCode()).isIn(201, 409);

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
}
