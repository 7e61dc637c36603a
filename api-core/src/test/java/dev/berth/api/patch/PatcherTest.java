package dev.berth.api.patch;

import dev.berth.api.errors.ApiException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatcherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POD = """
            {"metadata": {"name": "web", "labels": {"app": "web"}, "annotations": {"note": "x"},
                          "finalizers": ["a"]},
             "spec": {"containers": [
                {"name": "app", "image": "nginx:1", "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
                 "ports": [{"containerPort": 80, "protocol": "TCP"}]},
                {"name": "sidecar", "image": "busybox", "args": ["sleep", "1000"]}]}}
            """;

    private final Patcher patcher = new Patcher();

    private JsonNode strategic(String patch) {
        return patcher.apply(PatchType.STRATEGIC_MERGE, JSON.readTree(POD), JSON.readTree(patch), Pod.class);
    }

    private static String at(JsonNode node, String pointer) {
        return node.at(pointer).toString();
    }

    /** Each row: a strategic merge patch, a JSON pointer into the result, and the JSON expected there. */
    @ParameterizedTest(name = "{0} -> {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"spec":{"containers":[{"name":"app","image":"nginx:2"}]}}                   | /spec/containers/0/image    | "nginx:2"
            {"spec":{"containers":[{"name":"app","image":"nginx:2"}]}}                   | /spec/containers/0/env/0    | {"name":"A","value":"1"}
            {"spec":{"containers":[{"name":"app","image":"nginx:2"}]}}                   | /spec/containers/1/name     | "sidecar"
            {"spec":{"containers":[{"name":"new","image":"redis"}]}}                      | /spec/containers/2/name     | "new"
            {"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}                | /spec/containers/1          | MISSING
            {"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"3"}]}]}}     | /spec/containers/0/env      | [{"name":"A","value":"1"},{"name":"B","value":"3"}]
            {"spec":{"containers":[{"name":"app","env":[{"name":"A","$patch":"delete"}]}]}}| /spec/containers/0/env     | [{"name":"B","value":"2"}]
            {"spec":{"containers":[{"name":"app","ports":[{"containerPort":443}]}]}}      | /spec/containers/0/ports/1  | {"containerPort":443}
            {"spec":{"containers":[{"name":"sidecar","args":["sleep","5"]}]}}             | /spec/containers/1/args     | ["sleep","5"]
            {"metadata":{"labels":{"tier":"front"}}}                                      | /metadata/labels            | {"app":"web","tier":"front"}
            {"metadata":{"annotations":{"note":null}}}                                    | /metadata/annotations       | {}
            {"metadata":{"finalizers":["b","a"]}}                                         | /metadata/finalizers        | ["a","b"]
            {"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}                    | /metadata/finalizers        | []
            {"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"app"}]}}  | /spec/containers/0/name     | "sidecar"
            {"spec":{"containers":[{"name":"only","image":"x"},{"$patch":"replace"}]}}    | /spec/containers            | [{"name":"only","image":"x"}]
            {"metadata":{"labels":{"$patch":"replace","fresh":"1"}}}                      | /metadata/labels            | {"fresh":"1"}
            """)
    void strategicMergeMergesListsByTheirKey(String patch, String pointer, String expected) {
        JsonNode result = strategic(patch);
        assertThat(expected.equals("MISSING") ? result.at(pointer).isMissingNode() : at(result, pointer).equals(
                JSON.readTree(expected).toString())).as(at(result, pointer)).isTrue();
    }

    @Test
    void strategicMergeLeavesNoDirectivesBehind() {
        JsonNode result = strategic("""
                {"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],
                         "containers":[{"name":"app","image":"nginx:3"}]}}""");
        assertThat(result.toString()).doesNotContain("$setElementOrder").doesNotContain("$patch");
        assertThat(JSON.readTree(POD).at("/spec/containers/0/image").asString()).isEqualTo("nginx:1");
    }

    @Test
    void servicePortsMergeByPort() {
        JsonNode service = JSON.readTree("""
                {"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443,"targetPort":8443}]}}""");
        JsonNode result = patcher.apply(PatchType.STRATEGIC_MERGE, service,
                JSON.readTree("{\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":9090}]}}"), Service.class);
        assertThat(result.at("/spec/ports").size()).isEqualTo(2);
        assertThat(result.at("/spec/ports/0/targetPort").asInt()).isEqualTo(9090);
    }

    @Test
    void aPodTemplateInsideAControllerMergesContainersByName() {
        JsonNode rc = JSON.readTree("{\"spec\":{\"template\":{\"spec\":{\"containers\":[" + "{\"name\":\"a\",\"image\":\"x\"},{\"name\":\"b\",\"image\":\"y\"}]}}}}");
        JsonNode result = patcher.apply(PatchType.STRATEGIC_MERGE, rc, JSON.readTree(
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"z\"}]}}}}"),
                io.fabric8.kubernetes.api.model.ReplicationController.class);
        assertThat(result.at("/spec/template/spec/containers/0/image").asString()).isEqualTo("x");
        assertThat(result.at("/spec/template/spec/containers/1/image").asString()).isEqualTo("z");
    }

    @Test
    void mergePatchReplacesLists() {
        JsonNode result = patcher.apply(PatchType.MERGE, JSON.readTree(POD),
                JSON.readTree("{\"spec\":{\"containers\":[{\"name\":\"solo\",\"image\":\"x\"}]}}"), Pod.class);
        assertThat(result.at("/spec/containers").size()).isEqualTo(1);
        assertThat(result.at("/metadata/name").asString()).isEqualTo("web");
    }

    @Test
    void jsonPatchAppliesOperationsInOrder() {
        JsonNode result = patcher.apply(PatchType.JSON, JSON.readTree(POD), JSON.readTree("""
                [{"op":"replace","path":"/spec/containers/0/image","value":"nginx:9"},
                 {"op":"add","path":"/metadata/labels/tier","value":"front"},
                 {"op":"remove","path":"/metadata/annotations/note"}]"""), Pod.class);
        assertThat(result.at("/spec/containers/0/image").asString()).isEqualTo("nginx:9");
        assertThat(result.at("/metadata/labels/tier").asString()).isEqualTo("front");
        assertThat(result.at("/metadata/annotations").size()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            JSON            | {"op":"add"}                                                   | 400
            JSON            | [{"op":"test","path":"/metadata/name","value":"other"}]         | 422
            JSON            | [{"op":"add","path":"/spec/nothing/deeper","value":1}]           | 422
            JSON            | [{"op":"remove","path":"/metadata/labels/absent"}]              | 422
            MERGE           | [1]                                                             | 400
            STRATEGIC_MERGE | {"spec":{"containers":[{"image":"no-name"}]}}                   | 400
            STRATEGIC_MERGE | {"metadata":{"$patch":"explode"}}                               | 400
            """)
    void badPatchesAreClientErrors(PatchType type, String patch, int code) {
        assertThatThrownBy(() -> patcher.apply(type, JSON.readTree(POD), JSON.readTree(patch), Pod.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/json-patch+json                      | JSON
            application/merge-patch+json                     | MERGE
            application/strategic-merge-patch+json; charset=utf-8 | STRATEGIC_MERGE
            """)
    void contentTypeChoosesTheFormat(String contentType, PatchType expected) {
        assertThat(PatchType.fromContentType(contentType)).isEqualTo(expected);
    }

    @Test
    void otherContentTypesAre415() {
        for (String type : new String[]{"application/json", "application/apply-patch+yaml", null}) {
            assertThatThrownBy(() -> PatchType.fromContentType(type))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
        }
    }
}
