package dev.berth.replication.api;

import dev.berth.api.errors.ApiException;
import dev.berth.api.patch.PatchType;
import dev.berth.api.patch.Patcher;
import dev.berth.api.registry.Registry;
import dev.berth.api.resource.CoreResources;
import dev.berth.api.web.ApiResources;
import dev.berth.api.web.RequestBodies;
import dev.berth.api.web.Responses;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code replicationcontrollers/{name}/scale} as an autoscaling/v1 Scale, which {@code kubectl scale}
 * patches. Only {@code spec.replicas} is taken from the client; it goes through the controller's own
 * validation, so a negative count is a 422 on {@code spec.replicas}.
 */
@RestController
@RequestMapping("/api/v1/namespaces/{namespace}/replicationcontrollers/{name}/scale")
class ScaleController {

    private final ApiResources resources;
    private final RequestBodies bodies;
    private final Responses responses;
    private final Patcher patcher;
    private final JsonMapper mapper;

    ScaleController(ApiResources resources, RequestBodies bodies, Responses responses, Patcher patcher,
                    JsonMapper mapper) {
        this.resources = resources;
        this.bodies = bodies;
        this.responses = responses;
        this.patcher = patcher;
        this.mapper = mapper;
    }

    @GetMapping
    ResponseEntity<byte[]> get(@PathVariable String namespace, @PathVariable String name) {
        return responses.object(HttpStatus.OK, Scales.of(controllers().get(namespace, name)));
    }

    @PutMapping
    ResponseEntity<byte[]> update(@PathVariable String namespace, @PathVariable String name,
                                  HttpServletRequest request) {
        Scale scale = decode(bodies.parse(bodies.read(request), request.getContentType()));
        return responses.object(HttpStatus.OK, Scales.of(write(namespace, name, scale)));
    }

    @PatchMapping
    ResponseEntity<byte[]> patch(@PathVariable String namespace, @PathVariable String name,
                                 HttpServletRequest request) {
        PatchType type = PatchType.fromContentType(request.getContentType());
        JsonNode patch = bodies.parse(bodies.read(request), "application/json");
        Scale current = Scales.of(controllers().get(namespace, name));
        Scale patched = decode(patcher.apply(type, mapper.valueToTree(current), patch, Scale.class));
        if (patched.getMetadata() != null) {
            // The patch was applied to the current Scale; its version is not a precondition.
            patched.getMetadata().setResourceVersion(null);
        }
        return responses.object(HttpStatus.OK, Scales.of(write(namespace, name, patched)));
    }

    /**
     * With a resourceVersion the client read, a stale write is a 409; without one the count is merged into
     * whatever the controller is now, so no other change is lost.
     */
    private ReplicationController write(String namespace, String name, Scale scale) {
        Integer replicas = scale.getSpec() == null ? null : scale.getSpec().getReplicas();
        if (replicas == null) {
            replicas = 0;
        }
        String version = scale.getMetadata() == null ? null : scale.getMetadata().getResourceVersion();
        if (scale.getMetadata() != null && scale.getMetadata().getName() != null
                && !scale.getMetadata().getName().equals(name)) {
            throw ApiException.badRequest("the name of the object (" + scale.getMetadata().getName()
                    + ") does not match the name on the URL (" + name + ")");
        }
        if (version != null && !version.isEmpty()) {
            ReplicationController rc = controllers().get(namespace, name);
            rc.getSpec().setReplicas(replicas);
            rc.getMetadata().setResourceVersion(version);
            return controllers().update(namespace, name, rc, false).object().view();
        }
        ObjectNode merge = mapper.createObjectNode();
        merge.putObject("spec").put("replicas", replicas);
        return controllers().patch(namespace, name, false, PatchType.MERGE, merge, false).view();
    }

    private Scale decode(JsonNode tree) {
        Scale scale;
        try {
            scale = mapper.treeToValue(tree, Scale.class);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body is not a valid Scale: " + e.getOriginalMessage());
        }
        if (scale == null) {
            // A body of JSON null decodes to no object at all.
            throw ApiException.badRequest("the body is not a valid Scale: it is null");
        }
        return scale;
    }

    @SuppressWarnings("unchecked")
    private Registry<ReplicationController> controllers() {
        return (Registry<ReplicationController>) resources.registry(CoreResources.REPLICATION_CONTROLLERS.plural());
    }
}
