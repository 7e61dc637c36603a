package dev.berth.pod;

import dev.berth.api.testing.HostileRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 malformed or hostile requests per resource (bodies, content types, query strings, paths, every verb):
 * never a 5xx, every refusal a {@code Status} with its code, and nothing stored that was not acknowledged.
 */
class HostileInputTest extends PodServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = 10_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pods      | true  | {"apiVersion":"v1","kind":"Pod","metadata":{"name":"fz","labels":{"app":"fz"}},"spec":{"containers":[{"name":"c","image":"busybox","command":["sleep","1"],"ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"}]}],"restartPolicy":"Always"}}
            services  | true  | {"apiVersion":"v1","kind":"Service","metadata":{"name":"fz"},"spec":{"selector":{"app":"fz"},"ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}]}}
            endpoints | true  | {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"fz"},"subsets":[{"addresses":[{"ip":"10.0.0.1"}],"ports":[{"port":80}]}]}
            events    | true  | {"apiVersion":"v1","kind":"Event","metadata":{"name":"fz"},"involvedObject":{"kind":"Pod","name":"x"},"reason":"R","message":"m","type":"Normal"}
            nodes     | false | {"apiVersion":"v1","kind":"Node","metadata":{"name":"fz","labels":{"zone":"a"}},"spec":{"unschedulable":false},"status":{"capacity":{"cpu":"2","memory":"1Gi"}}}
            """)
    void hostileRequestsNeverBreakTheApiAndStoreNothingUnacknowledged(String resource, boolean namespaced,
                                                                       String valid) throws Exception {
        Http http = new Http(baseUrl());
        String namespace = "fuzz-" + resource;
        if (namespaced) {
            assertThat(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + namespace + "\"}}").statusCode())
                    .isIn(201, 409);
        }
        String collection = namespaced ? "/api/v1/namespaces/" + namespace + "/" + resource : "/api/v1/" + resource;

        HostileRequests.Outcome outcome = new HostileRequests(baseUrl(), collection, valid, resource.hashCode())
                .run(REQUESTS, 4, Map.of());

        System.out.printf("%s: %d hostile requests, answers by code %s%n", resource, outcome.sent(), outcome.codes());
        assertThat(outcome.violations()).as("answers breaking the API's promises").isEmpty();
        assertThat(outcome.codes().keySet()).as("most requests were refused, and for several reasons")
                .contains(400, 404, 422);
        List<String> unacknowledged = new ArrayList<>();
        for (JsonNode item : JSON.readTree(http.get(collection).body()).path("items")) {
            String name = item.path("metadata").path("name").asString();
            if ((namespaced || name.startsWith("fz")) && !outcome.acceptedNames().contains(name)) {
                unacknowledged.add(name);
            }
        }
        assertThat(unacknowledged).as("objects stored by refused requests").isEmpty();
    }
}
