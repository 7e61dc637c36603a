package dev.berth.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads are served from the object cache as shared encodings: the bytes must be exactly what the fabric8
 * model encodes, every read must see every acknowledged write, and chunked lists must be consistent.
 */
class ReadPathTest extends PodServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
    private Http http;

    @BeforeEach
    void http() {
        http = new Http(baseUrl());
    }

    private void namespace(String name) {
        assertThat(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}").statusCode())
                .isEqualTo(201);
    }

    private static String pod(String name) {
        return """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"read"},
                  "annotations":{"note":"caf\\u00e9 \\"quoted\\" <tag>"}},
                 "spec":{"containers":[{"name":"c","image":"busybox","args":["sh","-c","echo hi"],
                   "env":[{"name":"A","value":"1"}],"ports":[{"containerPort":80,"hostPort":8080}],
                   "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"cpu":"1.5"}}}],
                   "nodeSelector":{"disk":"ssd"},"terminationGracePeriodSeconds":5}}""".formatted(name);
    }

    @Test
    void servedBytesAreTheFabric8EncodingOfTheSameObject() {
        namespace("read-bytes");
        // A create's answer is the stored JSON with its resourceVersion spliced in: the same bytes again.
        String created = http.post("/api/v1/namespaces/read-bytes/pods", pod("a")).body();
        assertThat(created).isEqualTo(FABRIC8.asJson(FABRIC8.unmarshal(created, Pod.class)));
        http.post("/api/v1/namespaces/read-bytes/pods", pod("b"));

        String single = http.get("/api/v1/namespaces/read-bytes/pods/a").body();
        assertThat(single).isEqualTo(FABRIC8.asJson(FABRIC8.unmarshal(single, Pod.class)));
        assertThat(single).isEqualTo(created);

        HttpResponse<String> listed = http.get("/api/v1/namespaces/read-bytes/pods");
        String list = listed.body();
        assertThat(list).isEqualTo(FABRIC8.asJson(FABRIC8.unmarshal(list, PodList.class)));
        assertThat(JSON.readTree(list).get("items").get(0).toString()).isEqualTo(JSON.readTree(single).toString());
        // Lists are written item by item; the length is still announced, as for any other read.
        assertThat(listed.headers().firstValueAsLong("Content-Length"))
                .hasValue(list.getBytes(StandardCharsets.UTF_8).length);
        assertThat(listed.headers().firstValue("Content-Type")).hasValue("application/json");

        namespace("read-empty");
        // An empty list keeps its "items":[] as kube-apiserver writes it (fabric8 would leave the field out).
        String empty = http.get("/api/v1/namespaces/read-empty/pods").body();
        assertThat(empty).endsWith("},\"items\":[]}");
        assertThat(FABRIC8.unmarshal(empty, PodList.class).getItems()).isEmpty();
    }

    /** An update's answer is the JSON it stored with the new resourceVersion spliced in, not a second encoding. */
    @Test
    void updateAnswersAreTheFabric8EncodingAndWhatALaterGetServes() {
        namespace("write-bytes");
        http.post("/api/v1/namespaces/write-bytes/pods", pod("a"));
        String path = "/api/v1/namespaces/write-bytes/pods/a";

        String put = http.put(path, pod("a").replace("\"app\":\"read\"", "\"app\":\"put\"")).body();
        assertThat(JSON.readTree(put).at("/metadata/labels/app").asString()).isEqualTo("put");
        assertWireForm(put, path);

        String unchanged = http.put(path, pod("a").replace("\"app\":\"read\"", "\"app\":\"put\"")).body();
        assertThat(unchanged).as("an update that changes nothing answers the stored object").isEqualTo(put);

        HttpResponse<String> patched = http.patch(path, "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"app\":\"patched\"}}}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertWireForm(patched.body(), path);

        ObjectNode withStatus = (ObjectNode) JSON.readTree(http.get(path).body());
        withStatus.putObject("status").put("phase", "Running").put("podIP", "10.0.0.9");
        HttpResponse<String> status = http.put(path + "/status", withStatus.toString());
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).at("/status/podIP").asString()).isEqualTo("10.0.0.9");
        assertWireForm(status.body(), path);
    }

    private void assertWireForm(String answer, String path) {
        assertThat(answer).isEqualTo(FABRIC8.asJson(FABRIC8.unmarshal(answer, Pod.class)));
        assertThat(http.get(path).body()).isEqualTo(answer);
    }

    @Test
    void watchFramesCarryTheSameBytesForEveryWatcherAndSelectorsChangeOnlyTheType() throws Exception {
        namespace("read-watch");
        String from = JSON.readTree(http.get("/api/v1/namespaces/read-watch/pods").body())
                .path("metadata").path("resourceVersion").asString();
        BlockingQueue<String> all = http.watch("/api/v1/namespaces/read-watch/pods?watch=true&resourceVersion=" + from);
        BlockingQueue<String> selected = http.watch("/api/v1/namespaces/read-watch/pods?watch=true&labelSelector=app%3Dread"
                + "&resourceVersion=" + from);
        http.post("/api/v1/namespaces/read-watch/pods", pod("w"));
        http.patch("/api/v1/namespaces/read-watch/pods/w", "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"app\":\"moved\"}}}");

        String added = next(all);
        assertThat(next(selected)).isEqualTo(added);
        assertThat(added).startsWith("{\"type\":\"ADDED\",\"object\":");
        // One change, two frames: MODIFIED for the plain watch, DELETED where the pod stopped matching, which
        // carries the state the selector had selected at the change's resourceVersion, as kube-apiserver sends.
        String modified = next(all);
        String deleted = next(selected);
        assertThat(modified).startsWith("{\"type\":\"MODIFIED\",\"object\":");
        assertThat(deleted).startsWith("{\"type\":\"DELETED\",\"object\":");
        String object = JSON.readTree(modified).get("object").toString();
        Pod left = FABRIC8.unmarshal(JSON.readTree(deleted).get("object").toString(), Pod.class);
        assertThat(left.getMetadata().getLabels()).containsEntry("app", "read");
        assertThat(left.getMetadata().getResourceVersion())
                .isEqualTo(JSON.readTree(modified).at("/object/metadata/resourceVersion").asString());
        assertThat(deleted).isEqualTo("{\"type\":\"DELETED\",\"object\":" + FABRIC8.asJson(left) + "}");
        assertThat(modified).isEqualTo("{\"type\":\"MODIFIED\",\"object\":"
                + FABRIC8.asJson(FABRIC8.unmarshal(object, Pod.class)) + "}");
        assertThat(object).isEqualTo(JSON.readTree(http.get("/api/v1/namespaces/read-watch/pods/w").body()).toString());
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("a watch event within 10 s").isNotNull();
        return line;
    }

    @Test
    void everyReadSeesEveryAcknowledgedWrite() {
        namespace("read-own");
        for (int i = 0; i < 20; i++) {
            String name = "p-" + i;
            HttpResponse<String> created = http.post("/api/v1/namespaces/read-own/pods", pod(name));
            String revision = JSON.readTree(created.body()).path("metadata").path("resourceVersion").asString();
            assertThat(names(http.get("/api/v1/namespaces/read-own/pods").body())).contains(name);

            JsonNode current = JSON.readTree(http.get("/api/v1/namespaces/read-own/pods/" + name).body());
            assertThat(current.path("metadata").path("resourceVersion").asString()).isEqualTo(revision);
            String relabelled = current.toString().replace("\"app\":\"read\"", "\"app\":\"read-" + i + "\"");
            String updated = JSON.readTree(http.put("/api/v1/namespaces/read-own/pods/" + name, relabelled).body())
                    .path("metadata").path("resourceVersion").asString();
            assertThat(JSON.readTree(http.get("/api/v1/namespaces/read-own/pods/" + name).body())
                    .path("metadata").path("resourceVersion").asString()).isEqualTo(updated);
            assertThat(http.get("/api/v1/namespaces/read-own/pods?labelSelector=app%3Dread-" + i).body())
                    .contains("\"name\":\"" + name + "\"");
        }
    }

    @Test
    void chunkedListsAreConsistentAcrossPages() {
        namespace("read-pages");
        for (int i = 0; i < 7; i++) {
            http.post("/api/v1/namespaces/read-pages/pods", pod("p-" + i));
        }
        JsonNode first = JSON.readTree(http.get("/api/v1/namespaces/read-pages/pods?limit=3").body());
        String revision = first.path("metadata").path("resourceVersion").asString();
        assertThat(first.path("items")).hasSize(3);
        assertThat(first.path("metadata").path("remainingItemCount").asLong()).isEqualTo(4);

        // Written after the first page: a consistent list at the first page's revision does not show it.
        http.post("/api/v1/namespaces/read-pages/pods", pod("p-late"));

        List<String> seen = new ArrayList<>(names(first.toString()));
        String token = first.path("metadata").path("continue").asString();
        while (!token.isEmpty()) {
            JsonNode page = JSON.readTree(http.get("/api/v1/namespaces/read-pages/pods?limit=3&continue=" + token).body());
            assertThat(page.path("metadata").path("resourceVersion").asString()).isEqualTo(revision);
            seen.addAll(names(page.toString()));
            token = page.path("metadata").path("continue").asString("");
        }
        assertThat(seen).containsExactly("p-0", "p-1", "p-2", "p-3", "p-4", "p-5", "p-6");
        assertThat(names(http.get("/api/v1/namespaces/read-pages/pods").body())).contains("p-late").hasSize(8);
    }

    @Test
    void tablesArePagedToo() throws Exception {
        namespace("read-table");
        for (int i = 0; i < 3; i++) {
            http.post("/api/v1/namespaces/read-table/pods", pod("t-" + i));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/namespaces/read-table/pods?limit=2"))
                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode table = JSON.readTree(response.body());
        assertThat(table.path("kind").asString()).isEqualTo("Table");
        assertThat(table.path("rows")).hasSize(2);
        assertThat(table.path("metadata").path("continue").asString()).isNotEmpty();
    }

    @Test
    void aBadOrExpiredContinueTokenIsAStatus() {
        HttpResponse<String> malformed = http.get("/api/v1/pods?limit=1&continue=not-a-token");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"kind\":\"Status\"").contains("continue key is not valid");

        String unknownList = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":5,\"start\":\"a/b\\u0000\",\"list\":\"gone\"}".getBytes());
        HttpResponse<String> expired = http.get("/api/v1/pods?limit=1&continue=" + unknownList);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("\"reason\":\"Expired\"");
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        JSON.readTree(list).path("items").forEach(item -> names.add(item.path("metadata").path("name").asString()));
        return names;
    }
}
