package dev.berth.api.legacy;

import dev.berth.api.errors.ApiException;
import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the original design's v1beta1 replication controller JSON ({@code desiredState.replicas},
 * {@code replicaSelector}, {@code podTemplate.desiredState.manifest}) and core/v1 ReplicationControllers.
 */
public final class V1beta1ReplicationControllers {

    /** A v1 controller made from v1beta1 JSON, with the warnings the client should see. */
    public record Converted(ReplicationController controller, List<String> warnings) {
    }

    private V1beta1ReplicationControllers() {
    }

    public static Converted toV1(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("a v1beta1 replication controller must be a JSON object");
        }
        String id = V1beta1Pods.text(body.path("id"));
        if (id == null || id.isEmpty()) {
            throw ApiException.invalid("ReplicationController", "",
                    List.of(FieldError.required("id", "a v1beta1 replication controller needs an id")));
        }
        List<String> warnings = new ArrayList<>();
        JsonNode desired = body.path("desiredState");
        JsonNode template = desired.path("podTemplate");
        JsonNode manifest = template.path("desiredState").path("manifest");
        PodSpec spec = new PodSpec();
        spec.setContainers(V1beta1Containers.toV1(manifest.path("containers"), warnings));
        spec.setRestartPolicy(V1beta1Pods.restartPolicy(manifest.path("restartPolicy")));
        JsonNode replicas = desired.path("replicas");
        String name = LegacyNames.toName(id, warnings);
        if (!replicas.isMissingNode() && !replicas.isInt()) {
            throw ApiException.invalid("ReplicationController", name,
                    List.of(FieldError.invalid("desiredState.replicas", replicas.toString(), "must be an integer")));
        }
        // v1beta1 defaulted a missing count to 1, as v1 does.
        int count = replicas.isMissingNode() ? 1 : replicas.asInt();
        ReplicationController controller = new ReplicationControllerBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(V1beta1Pods.text(body.path("namespace")))
                .withLabels(V1beta1Pods.strings(body.path("labels")))
                .endMetadata()
                .withNewSpec()
                .withReplicas(count)
                .withSelector(V1beta1Pods.strings(desired.path("replicaSelector")))
                .withNewTemplate()
                .withNewMetadata().withLabels(V1beta1Pods.strings(template.path("labels"))).endMetadata()
                .withSpec(spec)
                .endTemplate()
                .endSpec()
                .build();
        return new Converted(controller, List.copyOf(warnings));
    }

    public static ObjectNode fromV1(ReplicationController controller, JsonMapper mapper) {
        ObjectNode out = V1beta1Pods.header("ReplicationController", controller.getMetadata(), mapper);
        ObjectNode desired = out.putObject("desiredState");
        desired.put("replicas", controller.getSpec().getReplicas());
        desired.set("replicaSelector", mapper.valueToTree(controller.getSpec().getSelector()));
        PodTemplateSpec template = controller.getSpec().getTemplate();
        ObjectNode podTemplate = desired.putObject("podTemplate");
        ObjectNode manifest = podTemplate.putObject("desiredState").putObject("manifest");
        manifest.put("version", "v1beta1");
        manifest.put("id", controller.getMetadata().getName());
        manifest.set("containers", V1beta1Containers.fromV1(template.getSpec().getContainers(), mapper));
        manifest.putObject("restartPolicy").putObject(V1beta1Pods.restartPolicyKey(template.getSpec().getRestartPolicy()));
        podTemplate.set("labels", mapper.valueToTree(
                template.getMetadata() == null ? null : template.getMetadata().getLabels()));
        Integer current = controller.getStatus() == null ? null : controller.getStatus().getReplicas();
        out.putObject("currentState").put("replicas", current == null ? 0 : current);
        return out;
    }
}
