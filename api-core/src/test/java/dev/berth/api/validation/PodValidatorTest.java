package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PodValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALID = """
            {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"name": "web", "namespace": "default", "labels": {"app": "web"}},
             "spec": {"restartPolicy": "Always",
                      "volumes": [{"name": "data", "emptyDir": {}}],
                      "containers": [{"name": "app", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent",
                                      "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}],
                                      "env": [{"name": "MODE", "value": "prod"}],
                                      "volumeMounts": [{"name": "data", "mountPath": "/data"}],
                                      "resources": {"requests": {"cpu": "100m", "memory": "64Mi"},
                                                    "limits": {"cpu": "1", "memory": "128Mi"}},
                                      "livenessProbe": {"httpGet": {"path": "/", "port": "http"}}}]}}
            """;

    /** Applies a JSON pointer edit ("/path=json") to the valid pod. */
    private static Pod podWith(String pointer, String json) {
        ObjectNode pod = (ObjectNode) JSON.readTree(VALID);
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) pod.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1);
        if (json.equals("REMOVE")) {
            parent.remove(field);
        } else {
            parent.set(field, JSON.readTree(json));
        }
        return JSON.treeToValue(pod, Pod.class);
    }

    @Test
    void aValidPodHasNoErrors() {
        assertThat(PodValidator.validate(JSON.readValue(VALID, Pod.class))).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} -> {3} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /metadata/name                         | "Bad_Name"                        | metadata.name                                    | INVALID
            /metadata/name                         | ""                                | metadata.name                                    | REQUIRED
            /metadata/labels                       | {"bad key!":"x"}                  | metadata.labels                                  | INVALID
            /metadata/labels                       | {"app":"not valid"}               | metadata.labels                                  | INVALID
            /spec/containers                       | []                                | spec.containers                                  | REQUIRED
            /spec/containers/0/image               | REMOVE                            | spec.containers[0].image                         | REQUIRED
            /spec/containers/0/name                | "App"                             | spec.containers[0].name                          | INVALID
            /spec/containers/0/imagePullPolicy     | "PullIfNotPresent"                | spec.containers[0].imagePullPolicy               | NOT_SUPPORTED
            /spec/containers/0/ports/0/containerPort | 70000                           | spec.containers[0].ports[0].containerPort        | INVALID
            /spec/containers/0/ports/0/containerPort | 0                               | spec.containers[0].ports[0].containerPort        | REQUIRED
            /spec/containers/0/ports/0/protocol    | "HTTP"                            | spec.containers[0].ports[0].protocol             | NOT_SUPPORTED
            /spec/containers/0/ports/0/name        | "web--port"                       | spec.containers[0].ports[0].name                 | INVALID
            /spec/containers/0/env/0/name          | "1BAD"                            | spec.containers[0].env[0].name                   | INVALID
            /spec/containers/0/resources/requests  | {"cpu":"2"}                       | spec.containers[0].resources.requests            | INVALID
            /spec/containers/0/resources/limits    | {"cpu":"lots"}                    | spec.containers[0].resources.limits[cpu]         | INVALID
            /spec/containers/0/resources/limits    | {"memory":"-1Gi"}                 | spec.containers[0].resources.limits[memory]      | INVALID
            /spec/containers/0/volumeMounts/0/name | "missing"                         | spec.containers[0].volumeMounts[0].name          | NOT_FOUND
            /spec/containers/0/livenessProbe       | {"periodSeconds":5}               | spec.containers[0].livenessProbe                 | REQUIRED
            /spec/containers/0/livenessProbe       | {"tcpSocket":{"port":0}}          | spec.containers[0].livenessProbe.tcpSocket.port  | REQUIRED
            /spec/restartPolicy                    | "Sometimes"                       | spec.restartPolicy                               | NOT_SUPPORTED
            /spec/terminationGracePeriodSeconds    | -1                                | spec.terminationGracePeriodSeconds               | INVALID
            /spec/nodeSelector                     | {"disk":"very fast"}              | spec.nodeSelector                                | INVALID
            /spec/tolerations                      | [{"key":"k","operator":"Maybe"}]  | spec.tolerations[0].operator                     | NOT_SUPPORTED
            /spec/volumes                          | [{"name":"data"},{"name":"data"}] | spec.volumes[1].name                             | DUPLICATE
            """)
    void invalidFieldsAreNamedByTheirPath(String pointer, String json, String field, FieldError.Type type) {
        List<FieldError> errors = PodValidator.validate(podWith(pointer, json));
        assertThat(errors).extracting(FieldError::field, FieldError::type).contains(
                org.assertj.core.groups.Tuple.tuple(field, type));
    }

    @Test
    void duplicateContainerNamesAreReported() {
        Pod pod = podWith("/spec/initContainers", "[{\"name\":\"app\",\"image\":\"busybox\"}]");
        assertThat(PodValidator.validate(pod)).extracting(FieldError::field, FieldError::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spec.containers[0].name", FieldError.Type.DUPLICATE));
    }

    @Test
    void updatesMayChangeImagesButNotPorts() {
        Pod old = JSON.readValue(VALID, Pod.class);
        assertThat(PodValidator.validateUpdate(podWith("/spec/containers/0/image", "\"nginx:2\""), old)).isEmpty();
        assertThat(PodValidator.validateUpdate(podWith("/spec/containers/0/ports/0/containerPort", "81"), old))
                .extracting(FieldError::field).containsExactly("spec");
    }
}
