package dev.berth.api.openapi;

import dev.berth.api.resource.ResourceDefinition;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PODS = "/api/v1/namespaces/{namespace}/pods/{name}";

    private final OpenApiDocuments documents = new OpenApiDocuments(List.of(
            ResourceDefinition.core("pods", "Pod", true, Pod.class, List.of("po"), "status"),
            ResourceDefinition.core("services", "Service", true, Service.class, List.of("svc"), "status"),
            ResourceDefinition.core("namespaces", "Namespace", false, Namespace.class, List.of("ns"))));

    private JsonNode v3() {
        return JSON.readTree(documents.v3GroupVersion("api/v1").orElseThrow());
    }

    @Test
    void rootPointsAtTheCoreGroupVersionWithAHash() {
        JsonNode root = JSON.readTree(documents.v3Root());
        assertThat(root.path("paths").path("api/v1").path("serverRelativeURL").asString())
                .startsWith("/openapi/v3/api/v1?hash=");
        assertThat(documents.v3GroupVersion("apis/apps/v1")).isEmpty();
    }

    @Test
    void kindsCarryKubernetesNamesAndGroupVersionKind() {
        JsonNode schemas = v3().path("components").path("schemas");
        JsonNode pod = schemas.path("io.k8s.api.core.v1.Pod");
        assertThat(pod.path("x-kubernetes-group-version-kind").path(0).path("kind").asString()).isEqualTo("Pod");
        assertThat(pod.path("properties").path("spec").path("allOf").path(0).path("$ref").asString())
                .isEqualTo("#/components/schemas/io.k8s.api.core.v1.PodSpec");
        assertThat(pod.path("properties").path("metadata").path("allOf").path(0).path("$ref").asString())
                .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        JsonNode containers = schemas.path("io.k8s.api.core.v1.PodSpec").path("properties").path("containers");
        assertThat(containers.path("type").asString()).isEqualTo("array");
        assertThat(containers.path("description").asString()).contains("at least one container");
        assertThat(schemas.path("io.k8s.api.core.v1.ContainerPort").path("properties").path("containerPort")
                .path("type").asString()).isEqualTo("integer");
        assertThat(schemas.path("io.k8s.api.core.v1.PodList").path("x-kubernetes-group-version-kind").path(0)
                .path("kind").asString()).isEqualTo("PodList");
    }

    @Test
    void intOrStringAndQuantityAcceptBothForms() {
        JsonNode schemas = v3().path("components").path("schemas");
        assertThat(schemas.path("io.k8s.apimachinery.pkg.util.intstr.IntOrString")
                .path("x-kubernetes-int-or-string").asBoolean()).isTrue();
        assertThat(schemas.path("io.k8s.apimachinery.pkg.api.resource.Quantity").path("oneOf").size()).isEqualTo(2);
        JsonNode v2 = JSON.readTree(documents.v2()).path("definitions");
        assertThat(v2.path("io.k8s.apimachinery.pkg.util.intstr.IntOrString").path("format").asString())
                .isEqualTo("int-or-string");
    }

    @Test
    void patchOperationsAdvertiseServerSideFieldValidation() {
        JsonNode patch = v3().path("paths").path(PODS).path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asString()).isEqualTo("Pod");
        List<String> parameters = new ArrayList<>();
        patch.path("parameters").forEach(p -> parameters.add(p.path("in").asString() + ":" + p.path("name").asString()));
        assertThat(parameters).contains("query:fieldValidation");
        assertThat(v3().path("paths").has("/api/v1/namespaces/{name}")).isTrue();
        assertThat(v3().path("paths").has(PODS + "/status")).isTrue();
    }

    @Test
    void everyReferenceResolves() {
        for (String document : List.of(documents.v3GroupVersion("api/v1").orElseThrow(), documents.v2())) {
            JsonNode doc = JSON.readTree(document);
            JsonNode schemas = doc.has("definitions") ? doc.path("definitions") : doc.path("components").path("schemas");
            List<String> refs = new ArrayList<>();
            collectRefs(doc, refs);
            assertThat(refs).isNotEmpty();
            for (String ref : refs) {
                assertThat(schemas.has(ref.substring(ref.lastIndexOf('/') + 1))).as(ref).isTrue();
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
