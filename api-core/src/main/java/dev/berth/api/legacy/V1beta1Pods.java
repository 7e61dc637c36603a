package dev.berth.api.legacy;

import dev.berth.api.errors.ApiException;
import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the original design's v1beta1 pod JSON ({@code id}, {@code desiredState.manifest},
 * {@code currentState}) and core/v1 Pods, which is how they are stored.
 */
public final class V1beta1Pods {

    /** A v1 Pod made from v1beta1 JSON, with the warnings the client should see. */
    public record ConvertedPod(Pod pod, List<String> warnings) {
    }

    private V1beta1Pods() {
    }

    public static ConvertedPod toV1(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("a v1beta1 pod must be a JSON object");
        }
        List<String> warnings = new ArrayList<>();
        JsonNode manifest = body.path("desiredState").path("manifest");
        String id = firstText(body.path("id"), manifest.path("id"));
        if (id == null) {
            throw ApiException.invalid("Pod", "", List.of(FieldError.required("id", "a v1beta1 pod needs an id")));
        }
        String name = LegacyNames.toName(id, warnings);
        PodSpec spec = new PodSpec();
        spec.setContainers(V1beta1Containers.toV1(manifest.path("containers"), warnings));
        spec.setRestartPolicy(restartPolicy(manifest.path("restartPolicy")));
        String host = text(body.path("desiredState").path("host"));
        if (host != null && !host.isEmpty()) {
            spec.setNodeName(host);
        }
        Map<String, String> nodeSelector = strings(body.path("nodeSelector"));
        if (!nodeSelector.isEmpty()) {
            spec.setNodeSelector(nodeSelector);
        }
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(text(body.path("namespace")))
                .withLabels(strings(body.path("labels")))
                .withAnnotations(strings(body.path("annotations")))
                .endMetadata()
                .withSpec(spec)
                .build();
        return new ConvertedPod(pod, List.copyOf(warnings));
    }

    public static ObjectNode fromV1(Pod pod, JsonMapper mapper) {
        ObjectNode out = header("Pod", pod.getMetadata(), mapper);
        PodSpec spec = pod.getSpec();
        ObjectNode desired = out.putObject("desiredState");
        ObjectNode manifest = desired.putObject("manifest");
        manifest.put("version", "v1beta1");
        manifest.put("id", pod.getMetadata().getName());
        manifest.set("containers", V1beta1Containers.fromV1(spec.getContainers(), mapper));
        manifest.putObject("restartPolicy").putObject(restartPolicyKey(spec.getRestartPolicy()));
        desired.put("host", spec.getNodeName());
        out.set("currentState", currentState(pod, mapper));
        return out;
    }

    private static ObjectNode currentState(Pod pod, JsonMapper mapper) {
        PodStatus status = pod.getStatus();
        ObjectNode current = mapper.createObjectNode();
        String phase = status == null ? null : status.getPhase();
        current.put("status", switch (phase == null ? "Pending" : phase) {
            case "Running" -> "Running";
            case "Succeeded", "Failed" -> "Terminated";
            default -> "Waiting";
        });
        current.put("host", pod.getSpec().getNodeName());
        if (status != null) {
            current.put("hostIP", status.getHostIP());
            current.put("podIP", status.getPodIP());
            ObjectNode info = current.putObject("info");
            for (ContainerStatus container : status.getContainerStatuses()) {
                ObjectNode entry = info.putObject(container.getName());
                entry.set("state", mapper.valueToTree(container.getState()));
                entry.put("restartCount", container.getRestartCount());
                entry.put("image", container.getImage());
            }
        }
        return current;
    }

    static String restartPolicy(JsonNode policy) {
        if (policy.has("onFailure")) {
            return "OnFailure";
        }
        if (policy.has("never")) {
            return "Never";
        }
        return "Always";
    }

    static String restartPolicyKey(String policy) {
        return switch (policy == null ? "Always" : policy) {
            case "OnFailure" -> "onFailure";
            case "Never" -> "never";
            default -> "always";
        };
    }

    static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static String firstText(JsonNode first, JsonNode second) {
        String value = text(first);
        return value != null && !value.isEmpty() ? value : text(second);
    }

    /** The fields every v1beta1 object carries at its top level, from a v1 object's metadata. */
    static ObjectNode header(String kind, ObjectMeta meta, JsonMapper mapper) {
        ObjectNode out = mapper.createObjectNode();
        out.put("kind", kind);
        out.put("apiVersion", "v1beta1");
        out.put("id", meta.getName());
        out.put("uid", meta.getUid());
        out.put("namespace", meta.getNamespace());
        out.put("creationTimestamp", meta.getCreationTimestamp());
        out.put("resourceVersion", Long.parseLong(meta.getResourceVersion()));
        out.set("labels", mapper.valueToTree(meta.getLabels()));
        return out;
    }

    static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        }
        return values;
    }
}
